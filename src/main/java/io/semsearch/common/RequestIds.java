package io.semsearch.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request has an id: the client's {@code X-Request-Id} when it is a sane one (1 to 64 letters, digits and
 * {@code . _ : -}), else a new UUID. It is sent back as {@code X-Request-Id}, is in every log line written while the
 * request is handled (MDC key {@code requestId}), in the access log and in problem documents ({@code requestId}).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String given = context.request().getHeader(HEADER);
            String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            MDC.put(MDC_KEY, id);
            context.response().putHeader(HEADER, id);
            context.next();
        }, 1000);
    }

    /** The id of the request being handled on this thread, or {@code null} outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
