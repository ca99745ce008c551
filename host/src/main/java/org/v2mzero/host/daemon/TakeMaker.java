package org.v2mzero.host.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.v2mzero.host.library.TakeLibrary;
import org.v2mzero.host.score.Progress;
import org.v2mzero.host.score.RegenerateJob;
import org.v2mzero.host.score.RegenerateRequest;
import org.v2mzero.host.score.ScoreJob;
import org.v2mzero.host.score.ScoreRequest;
import org.v2mzero.host.score.ScoreResult;
import org.v2mzero.host.score.ScoreSource;
import org.v2mzero.models.compose.Generator;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.TransportState;

/**
 * The daemon's work on takes: a session's whole take (on the cached analysis, made again first when the
 * video changed on disk) and the regeneration of a range of a take. Remembers how long the last job
 * took, to place "from the playhead" ranges where the job can still finish in time. Job thread only,
 * except {@link #fromPlayhead}, which any thread may call.
 */
final class TakeMaker {
    /** A regeneration "from the playhead" starts at least this far ahead when no job has been timed yet. */
    static final double FIRST_LEAD_SECONDS = 4;
    private static final Logger LOG = Logger.getLogger(TakeMaker.class.getName());

    private final TakeLibrary library;
    private final CurveCache curves;
    private final Generator generator;
    private final Path soundfont;
    private volatile double lastJobSeconds = Double.NaN;

    TakeMaker(TakeLibrary library, CurveCache curves, Generator generator, Path soundfont) {
        this.library = library;
        this.curves = curves;
        this.generator = generator;
        this.soundfont = soundfont;
    }

    /** Opens a session's source and analysis (from the cache when the video was seen before). */
    Session open(String id, Path path, ScoreSource source, int item, String prompt) throws IOException {
        CurveCache.Entry entry = curves.analysis(source.placement().video(), p -> {});
        return new Session(id, path, item, source, window(entry.analysis(), source), entry.videoSha256(), prompt);
    }

    /** A whole take for the session's video window. */
    ScoreResult score(Session session, String prompt, long seed, List<String> stems, Progress progress)
            throws IOException {
        long start = System.nanoTime();
        refreshIfChanged(session);
        ScoreSource source = session.source();
        ScoreRequest request = new ScoreRequest(source.placement(), source.project(), prompt, seed, library.folder(),
                soundfont, stems);
        CurveAnalysis whole = curves.analysis(source.placement().video(), p -> {}).analysis();
        ScoreResult result = new ScoreJob(generator, Clock.systemUTC()).run(request, whole, progress);
        lastJobSeconds = (System.nanoTime() - start) / 1e9;
        return result;
    }

    /** {@code parent} with {@code [start, end)} (take time, snapped to its bar lines) made anew. */
    ScoreResult regenerate(TakeManifest parent, String prompt, long seed, List<String> stems, double start,
            double end, Progress progress) throws IOException {
        long began = System.nanoTime();
        RegenerateRequest request = new RegenerateRequest(library.takeDir(parent.takeId()), prompt, seed, stems,
                start, end, library.folder(), soundfont);
        ScoreResult result = new RegenerateJob(generator, Clock.systemUTC()).run(request, progress);
        lastJobSeconds = (System.nanoTime() - began) / 1e9;
        return result;
    }

    /**
     * The first bar line of {@code parent} the renderer can still reach before the playhead does: the
     * playhead plus the last job's time and half again (a job renders the whole cue, so its time barely
     * varies between requests), or {@link #FIRST_LEAD_SECONDS} before any job ran. When that lies past
     * the take's end, the first bar line after the playhead: the new material then swaps in a little
     * later than its range starts, which beats refusing. Stopped: the bar line at or after the playhead.
     */
    double fromPlayhead(TakeManifest parent, TransportState now) throws BadInputException {
        double last = lastJobSeconds;
        double lead = now.playing() ? Double.isNaN(last) ? FIRST_LEAD_SECONDS : 1.5 * last + 0.5 : 0;
        double playhead = Math.max(0, now.seconds() - parent.timelineOffsetSeconds());
        double start = BarLines.atOrAfter(parent.tempoMap(), playhead + lead);
        if (start >= parent.durationSeconds()) {
            start = BarLines.atOrAfter(parent.tempoMap(), playhead);
        }
        if (start >= parent.durationSeconds()) {
            throw new BadInputException("the playhead (" + String.format(Locale.ROOT, "%.1f", now.seconds())
                    + " s) is past the last bar line of take " + parent.takeId() + "; nothing left to regenerate");
        }
        return start;
    }

    /** A session whose video changed on disk (or whose project now names another) is analysed again. */
    private void refreshIfChanged(Session session) throws IOException {
        ScoreSource source = session.source().project() == null ? session.source()
                : ScoreSource.of(session.source().project(), session.item());
        Path video = source.placement().video();
        if (source.equals(session.source()) && !curves.changed(video, session.videoSha256())) {
            return;
        }
        LOG.info("session " + session.id() + ": " + video + " changed; analysing it again");
        CurveCache.Entry entry = curves.analysis(video, p -> {});
        session.reanalysed(source, window(entry.analysis(), source), entry.videoSha256());
    }

    private static CurveAnalysis window(CurveAnalysis whole, ScoreSource source) throws BadInputException {
        return ScoreJob.window(whole, source.placement(), source.project());
    }
}
