package org.v2mzero.host.cli;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar's manifest ("dev" when run from classes). */
final class V2mVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = V2m.class.getPackage().getImplementationVersion();
        return new String[] {"v2m " + (version == null ? "dev" : version)};
    }
}
