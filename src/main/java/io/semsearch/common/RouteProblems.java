package io.semsearch.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** Problem documents answered by HTTP route handlers, which run before (or beside) the REST exception mappers. */
public final class RouteProblems {

    private RouteProblems() {
    }

    /** Ends the request with this problem and these extra headers. */
    public static void send(RoutingContext context, ObjectMapper json, int status, String title, String detail,
            Map<String, String> headers) {
        String body;
        try {
            body = json.writeValueAsString(new Problem("about:blank", title, status, detail, context.normalizedPath(),
                    null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE,
                Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(body);
    }
}
