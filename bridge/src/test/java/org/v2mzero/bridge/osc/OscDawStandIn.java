package org.v2mzero.bridge.osc;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.v2mzero.bridge.transport.TransportRig;

/**
 * A stand-in DAW on loopback that speaks one OSC dialect (Reaper cannot be installed here and Ardour
 * is not installed): it keeps a true transport clock, answers control messages by changing it, and
 * sends position feedback every 100 ms while rolling, as Ardour does, plus state on every change.
 */
abstract class OscDawStandIn implements TransportRig {
    static final int RATE = 48_000;
    static final long FEEDBACK_MILLIS = 100;

    private final DatagramSocket socket;
    private final ScheduledExecutorService feedback = Executors.newSingleThreadScheduledExecutor();
    private final List<String> controls = new CopyOnWriteArrayList<>();
    private final ByteBuffer out = ByteBuffer.allocate(4096);
    private final OSCSerializer serializer;
    private final Thread receiver;
    private volatile InetSocketAddress feedbackTo;
    private boolean playing;
    private long anchorFrame;
    private long anchorNanos;
    // The DAW's loop while looping is on ({@link #dawLoop}); 0..0 when off.
    private long loopStart;
    private long loopEnd;

    OscDawStandIn() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        OSCSerializerAndParserBuilder builder = new OSCSerializerAndParserBuilder();
        serializer = builder.buildSerializer(new BufferBytesReceiver(out));
        receiver = new Thread(() -> receive(builder), "stand-in-daw");
        receiver.setDaemon(true);
    }

    /** The source under test, sending to {@code daw}. */
    abstract OscTransportSource createSource(OscEndpoints daw);

    /** Reacts to one control message in this dialect. */
    abstract void control(OSCMessage message);

    /** Sends this dialect's position feedback for {@code frame}. */
    abstract void sendPosition(long frame);

    /** Sends this dialect's play-state feedback. */
    abstract void sendPlayState(boolean rolling);

    /**
     * Sends this dialect's loop feedback (looping on, {@code start..end} in samples) and returns true, or
     * returns false without sending where the DAW's OSC cannot tell the range; then the stand-in does not
     * loop either.
     */
    boolean sendLoop(long startFrame, long endFrame) {
        return false;
    }

    /** Sends the dialect's state on connect (tempo for Reaper); nothing by default. */
    void greet() {}

    @Override
    public final OscTransportSource start() throws IOException {
        receiver.start();
        OscTransportSource source = createSource(new OscEndpoints(
                (InetSocketAddress) socket.getLocalSocketAddress(), 0));
        source.start();
        sendFeedbackTo(source.localPort());
        return source;
    }

    /**
     * Serves a source made elsewhere (the CLI's, in host tests) instead of {@link #start()}: listens for
     * control on {@link #port()} and sends feedback to {@code feedbackPort} on loopback.
     */
    public final void serve(int feedbackPort) {
        receiver.start();
        sendFeedbackTo(feedbackPort);
    }

    private void sendFeedbackTo(int feedbackPort) {
        feedbackTo = new InetSocketAddress(InetAddress.getLoopbackAddress(), feedbackPort);
        greet();
        feedback.scheduleAtFixedRate(this::tick, FEEDBACK_MILLIS, FEEDBACK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The UDP port this stand-in DAW listens on for control (the source's DAW port). */
    public final int port() {
        return socket.getLocalPort();
    }

    /** The DAW starts or stops by itself (the user pressed space in it); sends its play state and position. */
    public final void dawPlay(boolean rolling) {
        setPlaying(rolling);
    }

    private synchronized void tick() {
        if (playing) {
            sendPosition(truthFrame());
        }
    }

    /**
     * The DAW's own clock: rolls at {@link #RATE} and, while looping, jumps from the loop end to the loop
     * start as a DAW does (worked out here on its own, not with the bridge's TransportMotion it checks).
     */
    @Override
    public final synchronized long truthFrame() {
        long now = System.nanoTime();
        long frame = playing ? anchorFrame + Math.round((now - anchorNanos) * (RATE / 1e9)) : anchorFrame;
        if (loopEnd > loopStart && anchorFrame < loopEnd && frame >= loopEnd) {
            return loopStart + (frame - loopEnd) % (loopEnd - loopStart);
        }
        return frame;
    }

    /** The user sets a loop in the DAW and turns looping on; see {@link TransportRig#dawLoop}. */
    @Override
    public final synchronized boolean dawLoop(long startFrame, long endFrame) {
        anchorFrame = truthFrame();
        anchorNanos = System.nanoTime();
        if (!sendLoop(startFrame, endFrame)) {
            return false;
        }
        loopStart = startFrame;
        loopEnd = endFrame;
        return true;
    }

    @Override
    public final synchronized boolean truthPlaying() {
        return playing;
    }

    final synchronized void setPlaying(boolean rolling) {
        anchorFrame = truthFrame();
        anchorNanos = System.nanoTime();
        playing = rolling;
        sendPlayState(rolling);
        sendPosition(anchorFrame);
    }

    @Override
    public final synchronized void dawLocate(long frame) {
        anchorFrame = frame;
        anchorNanos = System.nanoTime();
        sendPosition(frame);
    }

    @Override
    public final List<String> controlsSeen() {
        return controls;
    }

    /** Sends one message to the source's feedback port. */
    final synchronized void send(String address, Object... args) {
        out.clear();
        try {
            serializer.write(new OSCMessage(address, List.of(args)));
        } catch (OSCSerializeException e) {
            throw new IllegalStateException(e);
        }
        sendRaw(java.util.Arrays.copyOf(out.array(), out.position()));
    }

    final void sendRaw(byte[] bytes) {
        InetSocketAddress to = feedbackTo;
        if (to == null) {
            // A control message (Ardour's /transport_frame query in the source's greeting) can arrive
            // before start() learnt the source's port; the reply is dropped as a DAW without a surface
            // would, instead of an exception that ends the receiving thread.
            return;
        }
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            if (socket.isClosed()) {
                return; // closed by the test while answering a last control message: nobody listens any more
            }
            throw new UncheckedIOException(e);
        }
    }

    /** A datagram that is not OSC at all. */
    final void sendNoise() {
        sendRaw("this is not OSC\u0000".getBytes(StandardCharsets.US_ASCII));
    }

    private void receive(OSCSerializerAndParserBuilder builder) {
        byte[] buffer = new byte[4096];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
                OSCMessage message = (OSCMessage) builder.buildParser()
                        .convert(ByteBuffer.wrap(buffer, 0, datagram.getLength()));
                controls.add(message.getAddress());
                control(message);
            } catch (IOException | OSCParseException e) {
                if (!socket.isClosed()) {
                    throw new IllegalStateException("stand-in DAW got bad input", e);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        feedback.shutdownNow();
        feedback.awaitTermination(2, TimeUnit.SECONDS);
        socket.close();
        receiver.join(2000);
    }
}
