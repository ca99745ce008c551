package org.v2mzero.host.daemon;

/**
 * What a JACK client of the test heard from one player port, checked sample by sample against a swap
 * from {@code parent} to {@code child}: the parent's samples before {@code switchFrame}, the child's from
 * the end of the player's crossfade on, and during the fade a value between the two. Samples are
 * compared exactly: the player copies the takes' floats, so anything else is a glitch.
 *
 * @param checked        rolling samples compared
 * @param glitchedBlocks 256-frame recorder cycles holding at least one wrong sample (xruns make some)
 * @param firstWrongFrame the transport frame of the first wrong sample, or -1
 * @param newMaterial    samples after the switch where the child differs from the parent (and was heard)
 */
record Heard(long checked, int glitchedBlocks, long firstWrongFrame, long newMaterial) {
    /** The player's crossfade length (bridge's CycleRenderer.FADE_FRAMES). */
    static final int FADE_FRAMES = 256;
    private static final int BLOCK = 256;

    static Heard check(float[] recorded, long[] frames, int count, float[] parent, float[] child, long switchFrame,
            long until) {
        long checked = 0;
        long newMaterial = 0;
        long firstWrong = -1;
        int glitched = 0;
        int lastGlitchBlock = -1;
        for (int i = 0; i < count; i++) {
            long f = frames[i];
            if (f < 0 || f >= until) {
                continue;
            }
            float was = at(parent, f);
            float now = at(child, f);
            float heard = recorded[i];
            boolean right;
            if (f < switchFrame) {
                right = heard == was;
            } else if (f >= switchFrame + FADE_FRAMES) {
                right = heard == now;
                newMaterial += right && was != now ? 1 : 0;
            } else {
                right = heard >= Math.min(was, now) - 1e-6f && heard <= Math.max(was, now) + 1e-6f;
            }
            checked++;
            if (!right) {
                firstWrong = firstWrong < 0 ? f : firstWrong;
                if (i / BLOCK != lastGlitchBlock) {
                    glitched++;
                    lastGlitchBlock = i / BLOCK;
                }
            }
        }
        return new Heard(checked, glitched, firstWrong, newMaterial);
    }

    private static float at(float[] take, long frame) {
        return frame < take.length ? take[(int) frame] : 0f;
    }
}
