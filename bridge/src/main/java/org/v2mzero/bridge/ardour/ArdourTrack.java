package org.v2mzero.bridge.ardour;

/**
 * Which Ardour track records which stem.
 *
 * @param stem    the player's stem, whose ports {@code <stem>_L}/{@code <stem>_R} feed the track
 * @param track   the stereo audio track's name in Ardour, e.g. {@code drums}; its JACK inputs are
 *                {@code <ardour client>:<track>/audio_in 1} and {@code audio_in 2}
 * @param stripId the track's 1-based strip id on Ardour's OSC surface (its place among the session's
 *                strips: the first track is 1); checked against the name Ardour reports for it
 */
public record ArdourTrack(String stem, String track, int stripId) {
    public ArdourTrack {
        if (stem == null || stem.isEmpty()) {
            throw new IllegalArgumentException("stem : \"" + stem + "\" (expected: a stem name)");
        }
        if (track == null || track.isEmpty() || track.contains(":")) {
            throw new IllegalArgumentException("track : \"" + track + "\" (expected: a track name without ':')");
        }
        if (stripId < 1) {
            throw new IllegalArgumentException("stripId : " + stripId + " (expected: >= 1)");
        }
    }

    /** The JACK port of the track's input {@code channel} (1 left, 2 right) under {@code ardourClient}. */
    public String inputPort(String ardourClient, int channel) {
        return ardourClient + ":" + track + "/audio_in " + channel;
    }
}
