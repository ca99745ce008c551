package org.v2mzero.models.compose;

import org.v2mzero.protocol.CurveAnalysis;

/** The 24 s test analysis of {@link SymbolicComposerTest}, for tests and benchmarks in other packages. */
public final class SymbolicComposerFixtures {
    private SymbolicComposerFixtures() {}

    /** A rising curve with five strong hits, one weak hit and two cuts over 24 s. */
    public static CurveAnalysis analysis() {
        return SymbolicComposerTest.analysis();
    }
}
