package org.v2mzero.host.daemon;

/**
 * The followed transport and the player.
 *
 * @param source      {@code jack}, {@code ardour}, {@code reaper} or {@code none}
 * @param rolling     whether the transport rolls
 * @param seconds     the transport position
 * @param player      the JACK player's state ({@code CONNECTED}, {@code DISCONNECTED}, ...) or {@code OFF}
 * @param playingTake the take the audio thread plays now, or {@code null}
 */
public record TransportInfo(String source, boolean rolling, double seconds, String player, String playingTake) {}
