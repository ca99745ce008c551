package org.v2mzero.host.api;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty's aggregator with the API's 413: a body over the limit is answered {@code {"error": ..., "status": 413}}
 * and counted, instead of Netty's empty 413. As Netty does, a request whose declared length is too big on a
 * kept-alive connection leaves it open (the rest of its body is read and dropped); a body found too big while
 * it streams (chunked) closes the connection after the answer, and so does a refused
 * {@code Expect: 100-continue} (the client may send the body anyway, or not).
 *
 * <p>Threads: the channel's event loop.
 */
final class ApiBodyLimit extends HttpObjectAggregator {
    private final ApiErrors errors;

    ApiBodyLimit(int maxRequestBytes, ApiErrors errors) {
        super(maxRequestBytes, true);
        this.errors = errors;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (!(oversized instanceof HttpRequest request)) {
            ctx.close();
            return;
        }
        boolean close = oversized instanceof FullHttpMessage || !ctx.channel().config().isAutoRead()
                || !HttpUtil.is100ContinueExpected(request) && !HttpUtil.isKeepAlive(request);
        HttpResponse response = tooLarge(request);
        HttpUtil.setKeepAlive(response, !close);
        ctx.writeAndFlush(response).addListener(close ? ChannelFutureListener.CLOSE
                : ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    /** {@code Expect: 100-continue} with too long a body: the client is told 413 before it sends it. */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof HttpResponse http && http.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)
                && start instanceof HttpRequest request) {
            ReferenceCountUtil.release(response);
            HttpResponse refused = tooLarge(request);
            HttpUtil.setKeepAlive(refused, false);
            return refused;
        }
        return response;
    }

    private HttpResponse tooLarge(HttpRequest request) {
        return errors.response(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "request body over " + maxContentLength() + " bytes", ApiRequestHandler.describe(request));
    }
}
