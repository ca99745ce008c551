package org.v2mzero.host.api;

import java.util.Objects;

/**
 * Where and how the API listens.
 *
 * @param host            the address to bind, e.g. {@code 127.0.0.1}; an address other than loopback needs a
 *                        token ({@link ApiServer#start} refuses it otherwise)
 * @param port            the TCP port; 0 picks a free one, which {@link ApiServer#port()} tells
 * @param token           the secret every {@code /api} request must carry as {@code Authorization: Bearer <token>},
 *                        or {@code null} for none
 * @param maxRequestBytes the largest request body accepted, in bytes; a larger one is answered 413
 */
public record ApiConfig(String host, int port, String token, int maxRequestBytes) {
    /** 64 KiB: a request body is a few fields of JSON; nothing the API takes comes near this. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;
    public static final String LOOPBACK = "127.0.0.1";

    public ApiConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host : \"" + host + "\" (expected: an address, e.g. 127.0.0.1)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port : " + port + " (expected: 0..65535, 0 for any free port)");
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("token : blank (expected: null for none, or a secret)");
        }
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes : " + maxRequestBytes + " (expected: > 0)");
        }
    }

    /** 127.0.0.1 on {@code port}, no token, 64 KiB bodies. */
    public static ApiConfig loopback(int port) {
        return new ApiConfig(LOOPBACK, port, null, DEFAULT_MAX_REQUEST_BYTES);
    }

    /** The same, with this token (or none for {@code null}). */
    public ApiConfig withToken(String newToken) {
        return new ApiConfig(host, port, newToken, maxRequestBytes);
    }

    /** Never the token itself: configurations end up in logs. */
    @Override
    public String toString() {
        return "ApiConfig[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "set")
                + ", maxRequestBytes=" + maxRequestBytes + "]";
    }
}
