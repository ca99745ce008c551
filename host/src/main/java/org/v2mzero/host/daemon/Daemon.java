package org.v2mzero.host.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.v2mzero.host.library.TakeLibrary;
import org.v2mzero.host.score.ScoreResult;
import org.v2mzero.host.score.ScoreSource;
import org.v2mzero.models.compose.SymbolicComposer;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.VideoPlacement;

/**
 * The daemon's core (DESIGN.md §2, live): sessions, the take jobs, the library and the player, behind
 * {@link DaemonApi}. Network faces (HTTP/WebSocket, OSC) are wired around it by {@link DaemonServer}.
 *
 * <p>The player plays the current take of the <em>active</em> session: the one opened or acted on last
 * (a JACK client has one set of ports). A new take becomes current when it is published; an earlier one
 * can be made current again at any time. Takes are never modified.
 */
public final class Daemon implements DaemonApi, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Daemon.class.getName());

    private final DaemonConfig config;
    private final TakeLibrary library;
    private final TakeMaker maker;
    private final EventHub events;
    private final TakeJobs jobs;
    private final Playback playback;
    private final Map<String, Session> sessions = new LinkedHashMap<>(); // guarded by this
    private final AtomicLong nextSession = new AtomicLong(1);
    private volatile LongSupplier ignoredOsc = () -> 0;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "v2m-transport-events");
        t.setDaemon(true);
        return t;
    });
    private volatile String activeSession;
    private volatile TransportInfo lastTransport;

    private Daemon(DaemonConfig config, TakeLibrary library, EventHub events, Playback playback) {
        this.config = config;
        this.events = events;
        this.jobs = new TakeJobs(events);
        this.library = library;
        this.playback = playback;
        this.maker = new TakeMaker(library, new CurveCache(library.folder().resolve(".v2m-state").resolve("curves"),
                VideoCurveAnalyzer.DEFAULT), new SymbolicComposer(),
                config.soundfont() == null ? null : Path.of(config.soundfont()));
        for (String problem : library.problems()) {
            LOG.warning("take library: " + problem);
        }
        // The panel's playhead: a transport event whenever it changed, 5 times a second while rolling.
        ticker.scheduleAtFixedRate(this::tickTransport, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Opens the library and starts the transport and player of a {@link DaemonConfig#validated()} config. */
    public static Daemon start(DaemonConfig config) throws IOException {
        TakeLibrary library = TakeLibrary.open(Path.of(config.library()));
        EventHub events = new EventHub();
        return new Daemon(config, library, events, Playback.start(config, line -> {
            LOG.warning(line);
            events.publish(DaemonEvent.ERROR, line);
        }));
    }

    public DaemonConfig config() {
        return config;
    }

    /** Where {@link #stats()} reads the OSC control surface's ignored (stranger's or malformed) messages. */
    void ignoredOscFrom(LongSupplier oscIgnored) {
        ignoredOsc = oscIgnored;
    }

    @Override
    public synchronized List<SessionInfo> sessions() {
        return sessions.values().stream().map(Session::info).toList();
    }

    @Override
    public SessionInfo openSession(OpenSession request) throws IOException {
        if (request == null || request.path() == null || request.path().isBlank()) {
            throw new BadInputException("path : empty (expected: a .rpp, .ardour or video file)");
        }
        Path path = Path.of(request.path()).toAbsolutePath().normalize();
        synchronized (this) {
            for (Session open : sessions.values()) {
                if (open.path().equals(path)) {
                    activeSession = open.id();
                    return open.info();
                }
            }
        }
        int item = request.item() == null ? 1 : request.item();
        String prompt = request.prompt() == null || request.prompt().isBlank() ? config.prompt() : request.prompt();
        Session session = maker.open("s" + nextSession.getAndIncrement(), path, source(path, item, request), item,
                prompt);
        library.current(path.toString()).ifPresent(session::currentTakeId);
        synchronized (this) {
            sessions.put(session.id(), session);
        }
        activeSession = session.id();
        if (session.currentTakeId() != null) {
            play(session, library.find(session.currentTakeId()).orElseThrow());
        }
        events.publish(DaemonEvent.SESSION, session.info());
        return session.info();
    }

    private static ScoreSource source(Path path, int item, OpenSession request) throws IOException {
        ScoreSource source = ScoreSource.of(path, item);
        if (source.project() != null || request.timelineOffsetSeconds() == null) {
            return source;
        }
        double offset = request.timelineOffsetSeconds();
        if (!(offset >= 0) || !Double.isFinite(offset)) {
            throw new BadInputException("timelineOffsetSeconds : " + offset + " (expected: >= 0)");
        }
        return new ScoreSource(new VideoPlacement(path, offset, 0, null), null);
    }

    @Override
    public void closeSession(String sessionId) throws NotFoundException {
        Session gone;
        synchronized (this) {
            gone = sessions.remove(sessionId);
        }
        if (gone == null) {
            throw new NotFoundException("session " + sessionId + ": no such session");
        }
        events.publish(DaemonEvent.SESSION, gone.info());
    }

    @Override
    public SessionInfo session(String sessionId) throws NotFoundException {
        return find(sessionId).info();
    }

    @Override
    public CurveAnalysis curve(String sessionId) throws NotFoundException {
        return find(sessionId).analysis();
    }

    @Override
    public SessionInfo setPrompt(String sessionId, String prompt) throws IOException {
        if (prompt == null || prompt.isBlank()) {
            throw new BadInputException("prompt : empty (expected: a few words of style)");
        }
        Session session = find(sessionId);
        session.prompt(prompt.strip());
        return session.info();
    }

    @Override
    public JobInfo requestTake(String sessionId, TakeRequest request) throws IOException {
        Session session = find(sessionId);
        TakeRequest r = request == null ? new TakeRequest(null, null, null, null, null, null, null) : request;
        String prompt = r.prompt() == null || r.prompt().isBlank() ? session.prompt() : r.prompt().strip();
        long seed = r.seed() != null ? r.seed() : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        if (!r.regenerates()) {
            // Unnamed stems are every stem the style has (a solo piano has no drums), or the configured set.
            List<String> named = r.stems() != null ? r.stems()
                    : config.stems().containsAll(DaemonConfig.ALL_STEMS) ? null : config.stems();
            List<String> stems = named == null ? null : stems(named);
            return jobs.submit(sessionId, stages -> published(session, maker.score(session, prompt, seed, stems,
                    stages::stage)));
        }
        // A regeneration without stems named regenerates every stem the parent has.
        List<String> stems = r.stems() == null ? null : stems(r.stems());
        String parentId = r.parentTakeId() != null ? r.parentTakeId() : session.currentTakeId();
        if (parentId == null) {
            throw new BadInputException("session " + sessionId + " has no take to regenerate yet; request a whole take"
                    + " first");
        }
        TakeManifest parent = take(parentId);
        double start = Boolean.TRUE.equals(r.fromPlayhead()) ? maker.fromPlayhead(parent, playback.state())
                : r.startSeconds() == null ? 0 : r.startSeconds();
        double end = r.endSeconds() == null ? Double.POSITIVE_INFINITY : r.endSeconds();
        return jobs.submit(sessionId, stages -> published(session, maker.regenerate(parent, prompt, seed, stems,
                start, end, stages::stage)));
    }

    /** Indexes a published take, makes it current and schedules its swap. */
    private String published(Session session, ScoreResult result) throws IOException {
        TakeManifest take = library.add(result.takeDir());
        for (String warning : result.warnings()) {
            events.publish(DaemonEvent.ERROR, "warning: " + warning);
        }
        makeCurrent(session, take);
        playback.importIntoDaw(result.takeDir(), take);
        return take.takeId();
    }

    @Override
    public JobInfo job(String jobId) throws NotFoundException {
        return jobs.get(jobId);
    }

    @Override
    public List<TakeManifest> takes(String sessionId) throws NotFoundException {
        String video = videoOf(find(sessionId));
        List<TakeManifest> out = new ArrayList<>();
        for (TakeManifest take : library.list()) {
            if (video.equals(take.source())) {
                out.add(take);
            }
        }
        return out;
    }

    @Override
    public TakeManifest take(String takeId) throws NotFoundException {
        return library.find(takeId).orElseThrow(() -> new NotFoundException("take " + takeId + ": no such take"));
    }

    @Override
    public Path takeFile(String takeId, String fileName) throws NotFoundException {
        return library.file(takeId, fileName);
    }

    @Override
    public SessionInfo makeCurrent(String sessionId, String takeId) throws IOException {
        Session session = find(sessionId);
        TakeManifest take = take(takeId);
        if (!videoOf(session).equals(take.source())) {
            throw new BadInputException("take " + takeId + " scores " + take.source() + ", not session " + sessionId
                    + "'s video " + videoOf(session));
        }
        makeCurrent(session, take);
        return session.info();
    }

    private static String videoOf(Session session) {
        return session.source().placement().video().toAbsolutePath().normalize().toString();
    }

    private void makeCurrent(Session session, TakeManifest take) throws IOException {
        library.setCurrent(session.path().toString(), take.takeId());
        session.currentTakeId(take.takeId());
        activeSession = session.id();
        play(session, take);
        events.publish(DaemonEvent.CURRENT, session.info());
    }

    private void play(Session session, TakeManifest take) throws IOException {
        double swapAt = playback.play(library.takeDir(take.takeId()), take);
        LOG.info("session " + session.id() + ": take " + take.takeId() + (Double.isNaN(swapAt) ? " plays now"
                : String.format(Locale.ROOT, " plays from the bar line at %.3f s", swapAt)));
    }

    @Override
    public TransportInfo transport() {
        return playback.info();
    }

    @Override
    public DaemonStats stats() {
        // Refused HTTP requests are the API server's to count: it adds them to this 0.
        return new DaemonStats(0, ignoredOsc.getAsLong(), playback.xruns(), jobs.made(),
                jobs.failed());
    }

    @Override
    public AutoCloseable subscribe(Consumer<DaemonEvent> listener) {
        return events.subscribe(listener);
    }

    /** The session OSC commands act on: the one opened or acted on last. */
    public String activeSessionId() throws NotFoundException {
        String id = activeSession;
        if (id == null) {
            throw new NotFoundException("no session is open");
        }
        return id;
    }

    private synchronized Session find(String sessionId) throws NotFoundException {
        Session session = sessions.get(sessionId);
        if (session == null) {
            throw new NotFoundException("session " + sessionId + ": no such session");
        }
        return session;
    }

    private static List<String> stems(List<String> stems) throws BadInputException {
        if (stems.isEmpty()) {
            throw new BadInputException("stems : [] (expected some of " + DaemonConfig.ALL_STEMS + ")");
        }
        for (String stem : stems) {
            if (!DaemonConfig.ALL_STEMS.contains(stem)) {
                throw new BadInputException("stems : " + stem + " (expected some of " + DaemonConfig.ALL_STEMS + ")");
            }
        }
        return List.copyOf(stems);
    }

    private void tickTransport() {
        TransportInfo now = playback.info();
        TransportInfo before = lastTransport;
        if (now.rolling() || before == null || !now.equals(before)) {
            lastTransport = now;
            events.publish(DaemonEvent.TRANSPORT, now);
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        jobs.close();
        playback.close();
        events.close();
    }
}
