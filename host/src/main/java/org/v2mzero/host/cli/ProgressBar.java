package org.v2mzero.host.cli;

/** A text progress bar, e.g. {@code [######--------------]  30 %}. */
final class ProgressBar {
    static final int WIDTH = 20;

    private ProgressBar() {}

    static String of(double fraction) {
        double f = Double.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
        int filled = (int) Math.round(f * WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + String.format(java.util.Locale.ROOT,
                "%3d %%", Math.round(f * 100));
    }
}
