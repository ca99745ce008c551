package org.v2mzero.bridge.jack;

import java.nio.FloatBuffer;
import java.util.List;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;

/**
 * One open JACK client of the player with its ports and callbacks: lives from a successful
 * {@link #open} until the server goes away or the player closes. A reconnect opens a new session; the
 * take, counters and connection list live in the player, not here.
 *
 * <p>Threads: {@link #open}, {@link #connect} and {@link #close} run on the player's control thread;
 * {@link #process} runs on JACK's process thread; the shutdown callback on JACK's notification thread.
 * The client's lifecycle (callbacks, safe close, server loss) is {@link ActiveClient}'s.
 */
final class JackSession implements ActiveClient.Cycle {
    private final ActiveClient active;
    private final JackClient client;
    private final JackPort[] stemLeftPorts;
    private final JackPort[] stemRightPorts;
    private final JackPort mixLeftPort;
    private final JackPort mixRightPort;
    private final int sampleRate;
    private final CycleRenderer renderer;
    private final AudioMeters meters;
    private final CycleClock clock;
    private final CycleClock.CyclePosition position = new CycleClock.CyclePosition();
    // Preallocated for the process callback: JACK hands new buffers each cycle, these arrays hold them.
    private final FloatBuffer[] stemLeft;
    private final FloatBuffer[] stemRight;
    private final float[] zeros = new float[CycleRenderer.CHUNK_FRAMES];
    private final MissedCycles missedCycles = new MissedCycles();

    private JackSession(ActiveClient active, List<String> stems, CycleRenderer renderer, AudioMeters meters,
            CycleClock clock) throws JackException {
        this.active = active;
        this.client = active.client();
        this.clock = clock;
        this.renderer = renderer;
        this.meters = meters;
        this.sampleRate = active.sampleRate();
        stemLeftPorts = new JackPort[stems.size()];
        stemRightPorts = new JackPort[stems.size()];
        for (int i = 0; i < stems.size(); i++) {
            stemLeftPorts[i] = output(stems.get(i) + "_L");
            stemRightPorts[i] = output(stems.get(i) + "_R");
        }
        mixLeftPort = output(JackStemPlayer.MIX + "_L");
        mixRightPort = output(JackStemPlayer.MIX + "_R");
        stemLeft = new FloatBuffer[stems.size()];
        stemRight = new FloatBuffer[stems.size()];
    }

    /**
     * Control thread. Opens client {@code name} (exactly that name; never starting a server), registers a
     * port pair per stem and the mix pair, installs the callbacks and activates.
     *
     * @param clock where each cycle starts on the timeline (JACK transport or a DAW over OSC)
     */
    static JackSession open(String name, List<String> stems, CycleRenderer renderer, AudioMeters meters,
            CycleClock clock) throws JackException {
        ActiveClient active = ActiveClient.open(name, true);
        try {
            JackSession session = new JackSession(active, stems, renderer, meters, clock);
            active.activate(session);
            return session;
        } catch (JackException | RuntimeException e) {
            active.close();
            throw e;
        }
    }

    private JackPort output(String shortName) throws JackException {
        return client.registerPort(shortName, JackPortType.AUDIO, JackPortFlags.JackPortIsOutput);
    }

    /**
     * JACK process thread. Reads the clock (see {@link CycleClock}), renders, records the callback time. Catches every
     * Throwable here, once, because nothing may escape into libjack: that cycle is silence and counted.
     * Allocation-free in this class and {@link CycleRenderer} (JNAJack's own wrapper around this callback
     * creates a JNA {@code Pointer} per port per cycle; that is outside our reach).
     */
    @Override
    public void process(int frames) {
        long start = System.nanoTime();
        try {
            if (missedCycles.cycle(client.getLastFrameTime(), frames)) {
                meters.xruns.incrementAndGet();
            }
            clock.read(client, frames, sampleRate, position);
            for (int i = 0; i < stemLeft.length; i++) {
                stemLeft[i] = stemLeftPorts[i].getFloatBuffer();
                stemRight[i] = stemRightPorts[i].getFloatBuffer();
            }
            renderer.render(position.frame, position.rolling, position.loop, frames, sampleRate,
                    stemLeft, stemRight, mixLeftPort.getFloatBuffer(), mixRightPort.getFloatBuffer());
        } catch (Throwable t) {
            meters.callbackErrors.incrementAndGet();
            silence(frames);
        }
        meters.cycle(System.nanoTime() - start, frames, sampleRate);
    }

    /** Process thread, the cycle before a close ends it: silence, so the ports do not hold the last block. */
    @Override
    public void lastCycle(int frames) {
        silence(frames);
    }

    private void silence(int frames) {
        for (int i = 0; i < stemLeftPorts.length; i++) {
            zero(stemLeftPorts[i].getFloatBuffer(), frames);
            zero(stemRightPorts[i].getFloatBuffer(), frames);
        }
        zero(mixLeftPort.getFloatBuffer(), frames);
        zero(mixRightPort.getFloatBuffer(), frames);
    }

    private void zero(FloatBuffer buffer, int frames) {
        if (buffer == null) {
            return;
        }
        int length = Math.min(frames, buffer.limit());
        for (int done = 0; done < length; done += zeros.length) {
            buffer.put(done, zeros, 0, Math.min(zeros.length, length - done));
        }
    }

    /**
     * Control thread. Connects own port {@code shortName} to {@code destination} (a full port name);
     * nothing to do if they are connected already (a replay after a port reappeared may race the first).
     */
    void connect(String shortName, String destination) throws JackException {
        for (String existing : port(shortName).getConnections()) {
            if (existing.equals(destination)) {
                return;
            }
        }
        Jack.getInstance().connect(client, client.getName() + ":" + shortName, destination);
    }

    private JackPort port(String shortName) {
        for (int i = 0; i < stemLeftPorts.length; i++) {
            if (stemLeftPorts[i].getShortName().equals(shortName)) {
                return stemLeftPorts[i];
            }
            if (stemRightPorts[i].getShortName().equals(shortName)) {
                return stemRightPorts[i];
            }
        }
        return shortName.equals(mixLeftPort.getShortName()) ? mixLeftPort : mixRightPort;
    }

    /** Any thread. Whether the server shut this client down. */
    boolean serverGone() {
        return active.serverGone();
    }

    /** Frames per second of this server. */
    int sampleRate() {
        return sampleRate;
    }

    /** Frames per period of this server. */
    int periodFrames() {
        return active.periodFrames();
    }

    /** Control thread, not a JACK thread: the safe close of {@link ActiveClient#close()}. Call once. */
    void close() {
        active.close();
    }
}
