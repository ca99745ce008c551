package org.v2mzero.bridge.osc;

import com.illposed.osc.OSCMessage;
import java.util.List;

/**
 * The {@code /v2m/...} command set of {@link OscControlServer}: checks a message's arguments, calls the
 * handler and builds the reply. Runs on the server's thread only.
 */
final class OscControlCommands {
    static final String PREFIX = "/v2m/";
    static final String PING = "/v2m/ping";
    static final String PROMPT = "/v2m/prompt";
    static final String REGENERATE = "/v2m/regenerate";
    static final String TAKE_CURRENT = "/v2m/take/current";
    static final String PONG = "/v2m/pong";
    static final String OK = "/v2m/ok";
    static final String ERROR = "/v2m/error";
    private static final List<String> COMMANDS = List.of(PING, PROMPT, REGENERATE, TAKE_CURRENT);
    private static final List<String> REPLIES = List.of(PONG, OK, ERROR);

    private final OscControlHandler handler;

    OscControlCommands(OscControlHandler handler) {
        this.handler = handler;
    }

    /**
     * Whether {@code address} is for this server: in the {@code /v2m} namespace and not one of the
     * replies (answering a reply could start an endless exchange with another v2m server).
     */
    static boolean ours(String address) {
        return address.startsWith(PREFIX) && !REPLIES.contains(address);
    }

    /**
     * Runs the command and returns its reply ({@code /v2m/pong} for a ping, {@code /v2m/ok} otherwise).
     *
     * @throws MalformedOscException unknown address, or arguments of the wrong number or type
     * @throws Exception             whatever the handler throws
     */
    OSCMessage run(OSCMessage message) throws Exception {
        String address = message.getAddress();
        switch (address) {
            case PING -> {
                arity(message, 0);
                return new OSCMessage(PONG, List.of(String.valueOf(handler.ping())));
            }
            case PROMPT -> {
                arity(message, 1);
                handler.prompt(text(message, 0));
            }
            case REGENERATE -> regenerate(message);
            case TAKE_CURRENT -> {
                arity(message, 1);
                handler.makeCurrent(text(message, 0));
            }
            default -> throw new MalformedOscException(address + " : unknown address (expected one of "
                    + COMMANDS + ")");
        }
        return new OSCMessage(OK, List.of(address));
    }

    /** No arguments: from the playhead; {@code start end}: that range; {@code start end prompt}: with a prompt. */
    private void regenerate(OSCMessage message) throws Exception {
        int count = message.getArguments().size();
        if (count == 0) {
            handler.regenerate(null, null, null);
            return;
        }
        if (count != 2 && count != 3) {
            throw new MalformedOscException(REGENERATE + " has " + count
                    + " arguments (expected: none, start end, or start end prompt)");
        }
        double start = OscArgs.number(message, 0);
        double end = OscArgs.number(message, 1);
        if (start < 0 || end <= start) {
            throw new MalformedOscException(REGENERATE + " range : " + start + ".." + end
                    + " s (expected: 0 <= start < end)");
        }
        handler.regenerate(start, end, count == 3 ? text(message, 2) : null);
    }

    private static void arity(OSCMessage message, int expected) throws MalformedOscException {
        int count = message.getArguments().size();
        if (count != expected) {
            throw new MalformedOscException(message.getAddress() + " has " + count + " arguments (expected: "
                    + expected + ")");
        }
    }

    /** Argument {@code index} as a string that is not blank. */
    private static String text(OSCMessage message, int index) throws MalformedOscException {
        String text = OscArgs.string(message, index);
        if (text.isBlank()) {
            throw new MalformedOscException(message.getAddress() + " argument " + index
                    + " : blank (expected: text)");
        }
        return text;
    }
}
