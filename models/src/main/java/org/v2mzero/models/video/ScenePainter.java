package org.v2mzero.models.video;

/**
 * Paints the scenes of a {@link SyntheticClip}: each scene is a colour gradient at its own angle, a
 * stripe texture of its own period and a bright disc moving across it, so that scenes differ in
 * layout (what a cut changes) while every frame also moves a little (what a cut detector must
 * ignore). Pure and deterministic: the same scene, frame and gain give the same pixels. Any thread.
 */
final class ScenePainter {
    private static final int[][] PALETTE = {
        {200, 40, 30}, {30, 160, 220}, {240, 220, 60}, {40, 200, 90}, {150, 60, 200}, {250, 140, 20},
    };

    private final int width;
    private final int height;

    ScenePainter(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * Fills {@code bgr} (row-major, 3 bytes per pixel, no row padding) with one frame.
     *
     * @param scene scene index, 0 or more; scenes repeat their look after {@link #PALETTE}'s length
     * @param frame frame index within the clip (drives the motion)
     * @param gain  brightness factor in 0..1 (0 is black): fades are drawn with it
     */
    void paint(int scene, int frame, double gain, byte[] bgr) {
        double angle = Math.toRadians(37 + 71 * scene);
        double ax = Math.cos(angle);
        double ay = Math.sin(angle);
        int[] c1 = PALETTE[scene % PALETTE.length];
        int[] c2 = PALETTE[(scene + 3) % PALETTE.length];
        double period = 9 + 7 * (scene % 4);
        double radius = Math.min(width, height) * 0.12;
        // The disc bounces between the edges: wrapping round would be a jump, i.e. an event.
        double travel = width - 2 * radius;
        double along = (width * 0.15 + frame * 2.5 + 40 * scene) % (2 * travel);
        double discX = radius + (along < travel ? along : 2 * travel - along);
        double discY = height * (0.3 + 0.4 * ((scene * 0.37) % 1.0)) + 10 * Math.sin(frame * 0.2);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = ((x - width / 2.0) * ax + (y - height / 2.0) * ay) / width + 0.5;
                u = Math.min(1, Math.max(0, u));
                double stripe = 25 * Math.signum(Math.sin(2 * Math.PI * (x * ay - y * ax) / period));
                boolean inDisc = (x - discX) * (x - discX) + (y - discY) * (y - discY) < radius * radius;
                int i = 3 * (y * width + x);
                for (int ch = 0; ch < 3; ch++) {
                    // Colours are RGB in the palette; the frame buffer is BGR.
                    double v = inDisc ? 245 : c1[ch] * (1 - u) + c2[ch] * u + stripe;
                    bgr[i + 2 - ch] = (byte) clamp(v * gain);
                }
            }
        }
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
