package io.semsearch.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Holds every request body but file uploads to {@link ApiConfig#maxBodySize()} on every route, {@code /mcp} included,
 * counting the bytes actually received: a body that declares its length is refused at once when it is too long; one
 * sent without a length (chunked) is cut off once it has brought one byte too many. REST endpoints read such a body
 * themselves, so the limit goes to their reader (which answers a bare 413 and closes the connection past it); the MCP
 * endpoint's body is read here. Multipart bodies (file uploads) keep their own limit, {@link BodySizeFilter}.
 */
@Singleton
public class RequestBodyLimit {

    /** How long the rest of a refused body is taken in (and dropped) before the connection is closed. */
    static final long LINGER_MILLIS = 2000;

    /** The MCP endpoint, which reads its body in one piece. */
    static final String MCP_PATH = "/mcp";

    private final ApiConfig config;
    private final ObjectMapper json;

    public RequestBodyLimit(ApiConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        // after Quarkus' own limit on declared lengths (quarkus.http.limits.max-body-size), before any endpoint
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::limit)
                .failureHandler(this::tooLargeWhileReading);
    }

    private void limit(RoutingContext context) {
        HttpServerRequest request = context.request();
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            context.next();
            return;
        }
        long limit = config.maxBodySize().asLongValue();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                problem(context, 400, "Bad request", "Invalid Content-Length: " + length);
                return;
            }
            if (bytes > limit) {
                problem(context, 413, "Payload too large", "The request body has " + bytes + " bytes; the limit is "
                        + limit + " (semsearch.api.max-body-size)");
                return;
            }
            context.next();
            return;
        }
        if (request.method() == HttpMethod.POST && isMcp(context.normalizedPath())) {
            BodyHandler.create(false).setBodyLimit(limit).handle(context);
            return;
        }
        context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
        context.next();
    }

    /** The Vert.x body reader of {@code /mcp} stopped at the limit. */
    private void tooLargeWhileReading(RoutingContext context) {
        if (context.statusCode() != 413 || context.response().ended()) {
            context.next();
            return;
        }
        problem(context, 413, "Payload too large", "The request body is longer than "
                + config.maxBodySize().asLongValue() + " bytes (semsearch.api.max-body-size)");
    }

    /** Whether this failure is the REST body reader stopping at the limit set here. */
    static boolean cutOff(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException && "Request too large".equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    static boolean isMcp(String path) {
        return path != null && (path.equals(MCP_PATH) || path.startsWith(MCP_PATH + "/"));
    }

    private void problem(RoutingContext context, int status, String title, String detail) {
        // the connection cannot serve another request: it is closed once the problem is sent, after a short linger
        HttpServerRequest request = context.request();
        if (!request.isEnded()) {
            context.response().endHandler(ended -> lingerThenClose(context, request));
        }
        RouteProblems.send(context, json, status, title, detail, Map.of(HttpHeaders.CONNECTION.toString(), "close"));
    }

    /**
     * Closes the connection once the client has sent the rest of its body, or {@link #LINGER_MILLIS} or another
     * {@code 2 × max-body-size} bytes later. Closing at once, while the client still sends, resets the connection,
     * and a reset makes the client's TCP stack drop the problem it has not read yet: the client sees no answer.
     */
    private void lingerThenClose(RoutingContext context, HttpServerRequest request) {
        long cap = 2 * config.maxBodySize().asLongValue();
        long[] discarded = {0};
        long timer = context.vertx().setTimer(LINGER_MILLIS, id -> request.connection().close());
        Runnable close = () -> {
            context.vertx().cancelTimer(timer);
            request.connection().close();
        };
        try {
            request.handler(chunk -> {
                discarded[0] += chunk.length();
                if (discarded[0] > cap) {
                    close.run();
                }
            });
            request.endHandler(ended -> close.run());
            request.resume();
        } catch (IllegalStateException alreadyRead) {
            close.run();
        }
    }
}
