package org.v2mzero.host.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.v2mzero.host.daemon.NotFoundException;
import org.v2mzero.protocol.BadInputException;

/**
 * Answers one connection's HTTP requests in order: the {@link ApiGuard} checks, the {@link ApiRouter}, then the
 * reply. Maps what the daemon throws: {@link NotFoundException} to 404, {@link BadInputException} to 400,
 * anything else to 500 with a generic line (the trace goes to the log at WARNING). No request, however
 * malformed, gets past this without an answer or takes the server down.
 *
 * <p>Threads: the API's call executor, not the event loop: a {@code DaemonApi} call may take a while
 * ({@code openSession} analyses a video it has not seen), and the event loops keep the other sockets moving
 * meanwhile.
 */
final class ApiRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = Logger.getLogger(ApiRequestHandler.class.getName());
    private static final int MAX_LOGGED_PATH = 200;

    private final ApiGuard guard;
    private final ApiRouter router;
    private final ApiErrors errors;
    private final StaticFiles panel;
    private final EventSockets events;
    private final CallThreadUsers users;

    ApiRequestHandler(ApiGuard guard, ApiRouter router, ApiErrors errors, StaticFiles panel, EventSockets events,
            CallThreadUsers users) {
        this.users = users;
        this.guard = guard;
        this.router = router;
        this.errors = errors;
        this.panel = panel;
        this.events = events;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String what = describe(request);
        if (!request.decoderResult().isSuccess()) {
            // The decoder cannot find the next request's start after a bad one: answer, then close.
            Throwable cause = request.decoderResult().cause();
            errors.send(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), false,
                    what);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        try {
            guard.checkSource(request);
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            List<String> segments = ApiRouter.segments(uri.rawPath());
            guard.checkToken(request, segments, uri);
            ApiRouter.Match match = router.match(request.method(), segments);
            reply(ctx, request, keepAlive, match.handler().handle(new ApiRequest(match.params(), request.content())));
        } catch (HttpError e) {
            errors.send(ctx, e, keepAlive, what);
        } catch (NotFoundException e) {
            errors.send(ctx, HttpResponseStatus.NOT_FOUND, e.getMessage(), keepAlive, what);
        } catch (BadInputException e) {
            errors.send(ctx, HttpResponseStatus.BAD_REQUEST, e.getMessage(), keepAlive, what);
        } catch (Exception e) {
            errors.internal(ctx, e, keepAlive, what);
        }
    }

    private void reply(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive, ApiReply reply)
            throws HttpError, IOException {
        if (reply instanceof ApiReply.Value value) {
            FullHttpResponse response = ApiResponses.json(value.status(), value.value());
            if (value.location() != null) {
                response.headers().set(HttpHeaderNames.LOCATION, value.location());
            }
            ApiResponses.send(ctx, response, keepAlive);
        } else if (reply instanceof ApiReply.NoContent) {
            ApiResponses.send(ctx, ApiResponses.empty(HttpResponseStatus.NO_CONTENT), keepAlive);
        } else if (reply instanceof ApiReply.TakeFile file) {
            TakeFileResponder.respond(ctx, request, file.file(), keepAlive);
        } else if (reply instanceof ApiReply.PanelFile file) {
            ApiResponses.send(ctx, panel.response(file.name()), keepAlive);
        } else if (reply instanceof ApiReply.Events) {
            events.upgrade(ctx, request);
        } else {
            throw new IllegalStateException("no way to send " + reply);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        users.joined();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        users.left();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Reached by errors of the connection itself (a reset, a failed write), never by a request's.
        LOG.log(cause instanceof IOException ? Level.FINE : Level.WARNING,
                "API connection " + ctx.channel().remoteAddress() + " failed", cause);
        ctx.close();
    }

    /** Method and path for the log: never the query, which may carry the token. */
    static String describe(HttpRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (path.length() > MAX_LOGGED_PATH) {
            path = path.substring(0, MAX_LOGGED_PATH) + "…";
        }
        return request.method() + " " + path;
    }
}
