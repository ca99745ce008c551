package org.v2mzero.host.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static io.netty.handler.codec.http.HttpMethod.PUT;
import static org.v2mzero.host.api.ApiReply.accepted;
import static org.v2mzero.host.api.ApiReply.created;
import static org.v2mzero.host.api.ApiReply.ok;

import java.util.function.LongSupplier;
import org.v2mzero.host.daemon.DaemonApi;
import org.v2mzero.host.daemon.DaemonStats;
import org.v2mzero.host.daemon.JobInfo;
import org.v2mzero.host.daemon.OpenSession;
import org.v2mzero.host.daemon.SessionInfo;
import org.v2mzero.host.daemon.TakeRequest;

/** The API's route table over a {@link DaemonApi}: one line per route, the daemon does the work. */
final class ApiRoutes {
    /** The body of {@code PUT /api/sessions/{id}/prompt}. */
    record PromptBody(String prompt) {}

    /** The body of {@code PUT /api/sessions/{id}/current}. */
    record CurrentBody(String takeId) {}

    private ApiRoutes() {}

    /**
     * @param serverBadRequests the 4xx this server answered, added to the daemon's own count in
     *                          {@code GET /api/stats}
     */
    static ApiRouter of(DaemonApi api, LongSupplier serverBadRequests) {
        return new ApiRouter()
                .add(GET, "/api/sessions", r -> ok(api.sessions()))
                .add(POST, "/api/sessions", r -> opened(api.openSession(r.body(OpenSession.class))))
                .add(GET, "/api/sessions/{id}", r -> ok(api.session(r.param("id"))))
                .add(DELETE, "/api/sessions/{id}", r -> {
                    api.closeSession(r.param("id"));
                    return new ApiReply.NoContent();
                })
                .add(GET, "/api/sessions/{id}/curve", r -> ok(api.curve(r.param("id"))))
                .add(PUT, "/api/sessions/{id}/prompt", r -> ok(api.setPrompt(r.param("id"),
                        required(r.body(PromptBody.class).prompt(), "prompt"))))
                .add(POST, "/api/sessions/{id}/takes", r -> queued(api.requestTake(r.param("id"),
                        r.body(TakeRequest.class))))
                .add(GET, "/api/sessions/{id}/takes", r -> ok(api.takes(r.param("id"))))
                .add(PUT, "/api/sessions/{id}/current", r -> ok(api.makeCurrent(r.param("id"),
                        required(r.body(CurrentBody.class).takeId(), "takeId"))))
                .add(GET, "/api/jobs/{id}", r -> ok(api.job(r.param("id"))))
                .add(GET, "/api/takes/{takeId}", r -> ok(api.take(r.param("takeId"))))
                .add(GET, "/api/takes/{takeId}/files/{name}",
                        r -> new ApiReply.TakeFile(api.takeFile(r.param("takeId"), r.param("name"))))
                .add(GET, "/api/transport", r -> ok(api.transport()))
                .add(GET, "/api/stats", r -> ok(stats(api.stats(), serverBadRequests.getAsLong())))
                .add(GET, "/api/events", r -> new ApiReply.Events())
                .add(GET, "/", r -> new ApiReply.PanelFile(StaticFiles.INDEX))
                .add(GET, "/panel/{file}", r -> new ApiReply.PanelFile(r.param("file")));
    }

    private static ApiReply opened(SessionInfo session) {
        return created(session, "/api/sessions/" + session.id());
    }

    private static ApiReply queued(JobInfo job) {
        return accepted(job, "/api/jobs/" + job.id());
    }

    /**
     * The daemon's counters with this server's refusals added. The daemon counts the requests it refused on
     * its other surfaces; this server counts every 4xx it answered, including the ones it made of the daemon's
     * {@code BadInputException} and {@code NotFoundException}, so the daemon must not count those again.
     */
    static DaemonStats stats(DaemonStats daemon, long serverBadRequests) {
        return new DaemonStats(daemon.badRequests() + serverBadRequests, daemon.ignoredOsc(), daemon.xruns(),
                daemon.takesMade(), daemon.jobsFailed());
    }

    private static String required(String value, String field) throws HttpError {
        if (value == null) {
            throw HttpError.badRequest("request body: field \"" + field + "\" is required");
        }
        return value;
    }
}
