package org.v2mzero.host.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.v2mzero.host.daemon.DaemonApi;
import org.v2mzero.host.daemon.DaemonEvent;
import org.v2mzero.host.daemon.DaemonStats;
import org.v2mzero.host.daemon.JobInfo;
import org.v2mzero.host.daemon.NotFoundException;
import org.v2mzero.host.daemon.OpenSession;
import org.v2mzero.host.daemon.SessionInfo;
import org.v2mzero.host.daemon.TakeRequest;
import org.v2mzero.host.daemon.TransportInfo;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;
import org.v2mzero.protocol.Section;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.TempoMap;

/**
 * A test double for the daemon core, which has its own tests and needs videos, models and JACK this test does
 * not: sessions, jobs and takes live in maps, take files are files the test writes, and events are published by
 * the test on its own thread (standing in for the daemon's event thread). It keeps the contract's error types:
 * unknown ids are {@link NotFoundException}, bad values {@link BadInputException}, and opening {@link #BOOM}
 * fails with an unexpected exception whose message must never reach a client.
 */
final class InMemoryDaemon implements DaemonApi {
    static final String BOOM = "/videos/boom.mp4";
    static final String SECRET = "secret detail of /home/someone";
    static final DaemonStats STATS = new DaemonStats(3, 1, 4, 2, 5);
    static final TransportInfo TRANSPORT = new TransportInfo("jack", true, 12.5, "CONNECTED", "t1");

    private final Map<String, SessionInfo> sessions = new LinkedHashMap<>();
    private final Map<String, JobInfo> jobs = new LinkedHashMap<>();
    private final Map<String, TakeManifest> takes = new LinkedHashMap<>();
    private final Map<String, String> takeSessions = new LinkedHashMap<>();
    private final Map<String, Map<String, Path>> files = new LinkedHashMap<>();
    private final List<Consumer<DaemonEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<TakeRequest> takeRequests = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch openGate;
    private volatile CountDownLatch openEntered;

    @Override
    public synchronized List<SessionInfo> sessions() {
        return List.copyOf(sessions.values());
    }

    /**
     * Makes the next {@link #openSession} calls wait for {@code gate} (at most 20 s), as a first analysis of a
     * long video would; {@code entered} counts down when a call starts waiting.
     */
    void holdOpenSessions(CountDownLatch gate, CountDownLatch entered) {
        this.openGate = gate;
        this.openEntered = entered;
    }

    @Override
    public SessionInfo openSession(OpenSession request) throws BadInputException {
        CountDownLatch gate = openGate;
        if (gate != null) {
            openEntered.countDown();
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held", e);
            }
        }
        return open(request);
    }

    private synchronized SessionInfo open(OpenSession request) throws BadInputException {
        if (request.path() == null || request.path().isBlank()) {
            throw new BadInputException("path: missing");
        }
        if (request.path().equals(BOOM)) {
            throw new IllegalStateException(SECRET);
        }
        if (!request.path().endsWith(".mp4") && !request.path().endsWith(".rpp")) {
            throw new BadInputException(request.path() + ": not a video or a DAW project");
        }
        for (SessionInfo open : sessions.values()) {
            if (open.path().equals(request.path())) {
                return open;
            }
        }
        String id = "s" + (sessions.size() + 1);
        double offset = request.timelineOffsetSeconds() == null ? 0 : request.timelineOffsetSeconds();
        SessionInfo session = new SessionInfo(id, request.path(), request.path(), offset, 0, 10,
                request.prompt() == null ? "default prompt" : request.prompt(), null);
        sessions.put(id, session);
        return session;
    }

    @Override
    public synchronized void closeSession(String sessionId) throws NotFoundException {
        session(sessionId);
        sessions.remove(sessionId);
    }

    @Override
    public synchronized SessionInfo session(String sessionId) throws NotFoundException {
        SessionInfo session = sessions.get(sessionId);
        if (session == null) {
            throw new NotFoundException("no session " + sessionId);
        }
        return session;
    }

    @Override
    public synchronized CurveAnalysis curve(String sessionId) throws NotFoundException {
        return curveOf(session(sessionId).video());
    }

    static CurveAnalysis curveOf(String video) {
        return new CurveAnalysis(video, 10, 3, new EventCurve(new double[] {0, 1, 2}, new double[] {0.1, 2.5, 0.2}),
                List.of(new Hit(1, 2.5)), List.of(4.0), List.of(new Section(0, 4), new Section(4, 10)));
    }

    @Override
    public synchronized SessionInfo setPrompt(String sessionId, String prompt) throws BadInputException,
            NotFoundException {
        SessionInfo s = session(sessionId);
        if (prompt.isBlank()) {
            throw new BadInputException("prompt: blank");
        }
        SessionInfo changed = new SessionInfo(s.id(), s.path(), s.video(), s.timelineOffsetSeconds(),
                s.sourceOffsetSeconds(), s.durationSeconds(), prompt, s.currentTakeId());
        sessions.put(sessionId, changed);
        return changed;
    }

    @Override
    public synchronized JobInfo requestTake(String sessionId, TakeRequest request) throws NotFoundException {
        session(sessionId);
        takeRequests.add(request);
        JobInfo job = new JobInfo("j" + (jobs.size() + 1), sessionId, "queued", "waiting", 0, null, null);
        jobs.put(job.id(), job);
        return job;
    }

    @Override
    public synchronized JobInfo job(String jobId) throws NotFoundException {
        JobInfo job = jobs.get(jobId);
        if (job == null) {
            throw new NotFoundException("no job " + jobId);
        }
        return job;
    }

    @Override
    public synchronized List<TakeManifest> takes(String sessionId) throws NotFoundException {
        session(sessionId);
        List<TakeManifest> list = new ArrayList<>();
        takeSessions.forEach((take, session) -> {
            if (session.equals(sessionId)) {
                list.add(takes.get(take));
            }
        });
        return list;
    }

    @Override
    public synchronized TakeManifest take(String takeId) throws NotFoundException {
        TakeManifest take = takes.get(takeId);
        if (take == null) {
            throw new NotFoundException("no take " + takeId);
        }
        return take;
    }

    @Override
    public synchronized Path takeFile(String takeId, String fileName) throws NotFoundException {
        take(takeId);
        Path file = files.get(takeId).get(fileName);
        if (file == null) {
            throw new NotFoundException("take " + takeId + " has no file \"" + fileName + "\"");
        }
        return file;
    }

    @Override
    public synchronized SessionInfo makeCurrent(String sessionId, String takeId) throws NotFoundException {
        SessionInfo s = session(sessionId);
        take(takeId);
        SessionInfo changed = new SessionInfo(s.id(), s.path(), s.video(), s.timelineOffsetSeconds(),
                s.sourceOffsetSeconds(), s.durationSeconds(), s.prompt(), takeId);
        sessions.put(sessionId, changed);
        return changed;
    }

    @Override
    public TransportInfo transport() {
        return TRANSPORT;
    }

    @Override
    public DaemonStats stats() {
        return STATS;
    }

    @Override
    public AutoCloseable subscribe(Consumer<DaemonEvent> listener) {
        listeners.add(listener);
        changed();
        return () -> {
            listeners.remove(listener);
            changed();
        };
    }

    /** Adds a take of a session, with the files its name map lists. */
    synchronized void addTake(String sessionId, String takeId, Map<String, Path> takeFiles) {
        takes.put(takeId, manifest(takeId, sessions.get(sessionId).video()));
        takeSessions.put(takeId, sessionId);
        files.put(takeId, new LinkedHashMap<>(takeFiles));
    }

    /** Delivers an event to every subscriber on the calling thread, as the daemon's event thread would. */
    void publish(DaemonEvent event) {
        for (Consumer<DaemonEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    int subscribers() {
        return listeners.size();
    }

    List<TakeRequest> takeRequests() {
        return List.copyOf(takeRequests);
    }

    /** Waits until exactly {@code count} listeners are subscribed; false when {@code timeout} passes first. */
    synchronized boolean awaitSubscribers(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (listeners.size() != count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void changed() {
        notifyAll();
    }

    static TakeManifest manifest(String takeId, String video) {
        return new TakeManifest(TakeManifest.FORMAT_VERSION, takeId, "2026-01-02T03:04:05Z", video, null, 0, 0, 10,
                48000, 24, 2, "a prompt", 7, new TakeManifest.GeneratorInfo("symbolic", "1"), "ambient",
                TempoMap.constant(120, 4), new TakeManifest.SoundfontInfo(null, "builtin", null), "00",
                List.of(new TakeManifest.Stem("drums", -1, "drums.wav", "drums.mid", -3.0)), "mix.wav", "score.mid",
                "curve.json", null, null, null);
    }
}
