package org.v2mzero.host.daemon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.v2mzero.protocol.BadInputException;

/**
 * The queue of take jobs: one at a time on a thread of its own (analysis and rendering already use the
 * cores; two jobs at once would only make both late), each reporting its stages as {@code progress}
 * events and its end as a {@code take} or {@code error} event. The last {@value #KEPT} jobs are kept
 * for {@link #get}. Any thread.
 */
final class TakeJobs implements AutoCloseable {
    static final int KEPT = 200;
    private static final Logger LOG = Logger.getLogger(TakeJobs.class.getName());

    /** A job's work: returns the id of the take it published. */
    @FunctionalInterface
    interface Work {
        String run(Stages stages) throws Exception;
    }

    /** Where a job reports the stage it enters. */
    @FunctionalInterface
    interface Stages {
        void stage(String description);
    }

    private final EventHub events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "v2m-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, JobInfo> jobs = new LinkedHashMap<>(); // guarded by this
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong made = new AtomicLong();

    TakeJobs(EventHub events) {
        this.events = events;
    }

    /** Queues {@code work} for {@code sessionId}; returns the queued job at once. */
    JobInfo submit(String sessionId, Work work) {
        String id = "j" + nextId.getAndIncrement();
        JobInfo queued = update(new JobInfo(id, sessionId, "queued", "waiting", 0, null, null));
        worker.execute(() -> run(queued, work));
        return queued;
    }

    JobInfo get(String id) throws NotFoundException {
        synchronized (this) {
            JobInfo job = jobs.get(id);
            if (job == null) {
                throw new NotFoundException("job " + id + ": no such job");
            }
            return job;
        }
    }

    long failed() {
        return failed.get();
    }

    long made() {
        return made.get();
    }

    private void run(JobInfo queued, Work work) {
        int[] stagesSeen = {0};
        Stages stages = description -> {
            // Four stages (analyse, compose, render, write) make a take: a coarse but honest estimate.
            double progress = Math.min(0.95, 0.05 + 0.225 * stagesSeen[0]++);
            events.publish(DaemonEvent.PROGRESS, update(new JobInfo(queued.id(), queued.sessionId(), "running",
                    description, progress, null, null)));
        };
        try {
            stages.stage("starting");
            String takeId = work.run(stages);
            made.incrementAndGet();
            events.publish(DaemonEvent.TAKE, update(new JobInfo(queued.id(), queued.sessionId(), "done", "done", 1,
                    takeId, null)));
        } catch (Exception | LinkageError e) {
            failed.incrementAndGet();
            String line = e instanceof BadInputException ? e.getMessage() : "internal error: " + e;
            LOG.log(e instanceof BadInputException ? Level.INFO : Level.WARNING, "job " + queued.id() + " failed", e);
            JobInfo failedJob = update(new JobInfo(queued.id(), queued.sessionId(), "failed", "failed", 1, null, line));
            events.publish(DaemonEvent.PROGRESS, failedJob);
            events.publish(DaemonEvent.ERROR, "job " + queued.id() + ": " + line);
        }
    }

    private synchronized JobInfo update(JobInfo job) {
        jobs.put(job.id(), job);
        if (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        return job;
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
