package org.v2mzero.host.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.v2mzero.bridge.jack.JackServerProbe;
import org.v2mzero.bridge.jack.JackServerStatus;
import org.v2mzero.models.render.Soundfont;
import org.v2mzero.models.render.SoundfontLocator;
import org.v2mzero.models.runtime.NativeRuntimes;
import org.v2mzero.protocol.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code v2m doctor}: what this machine has for v2m, one line per part. Exits non-zero only when
 * something {@code score} needs is missing; JACK is optional (only the daemon streams into it).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check Java, the soundfont, FFmpeg, ONNX Runtime, the neural model and the JACK server.")
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean ok = true;
        line(out, true, "java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + ") at " + System.getProperty("java.home"));
        ok &= soundfont(out);
        NativeRuntimes.Check ffmpeg = NativeRuntimes.ffmpeg();
        ok &= line(out, ffmpeg.ok(), "ffmpeg", ffmpeg.line());
        NativeRuntimes.Check onnx = NativeRuntimes.onnxRuntime();
        line(out, onnx.ok(), "onnx", onnx.line());
        NativeRuntimes.Check neural = NativeRuntimes.neuralModel();
        line(out, neural.ok(), "neural", neural.line());
        JackServerStatus jack = JackServerProbe.probe();
        line(out, jack.reachable(), "jack", jack.reachable()
                ? "server \"" + jack.serverName() + "\" running at " + jack.sampleRate() + " Hz, "
                        + jack.bufferSize() + " frames per period"
                : jack.detail() + " (optional: only the daemon streams into JACK)");
        return ok ? 0 : 1;
    }

    private static boolean soundfont(PrintWriter out) {
        try {
            Soundfont sf = SoundfontLocator.locate(null);
            if (sf.path() == null) {
                // Usable, but far from General MIDI quality: flagged, not failed.
                line(out, false, "soundfont", sf.warning().orElse("Java's built-in soundbank"));
                return true;
            }
            return line(out, true, "soundfont", sf.path() + " (SF2 " + sf.version() + ", \"" + sf.name() + "\")");
        } catch (BadInputException e) {
            return line(out, false, "soundfont", e.getMessage());
        }
    }

    private static boolean line(PrintWriter out, boolean ok, String what, String detail) {
        out.printf("%-4s %-10s %s%n", ok ? "ok" : "--", what, detail);
        return ok;
    }
}
