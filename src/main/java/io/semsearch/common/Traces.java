package io.semsearch.common;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.function.Function;

/**
 * The service's own spans (embedding, retrieval, fusion, relevance gate, answer, LLM call, extraction, folder sync),
 * children of the current span (the HTTP request's). The tracer is Quarkus' OpenTelemetry one once the service has
 * started, a no-op one before and in classes used outside the service (tests that build them directly); with
 * {@code quarkus.otel.sdk.disabled=true}, the default, Quarkus' tracer is a no-op too and a span costs a few objects.
 */
@ApplicationScoped
public class Traces {

    /** Instrumentation scope of the service's spans. */
    public static final String SCOPE = "io.semsearch";

    private static final Tracer NOOP = OpenTelemetry.noop().getTracer(SCOPE);
    private static volatile Tracer tracer = NOOP;

    private final OpenTelemetry openTelemetry;

    public Traces(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        tracer = openTelemetry.getTracer(SCOPE);
    }

    void onStop(@Observes ShutdownEvent event) {
        tracer = NOOP;
    }

    /** A span named {@code name} around {@code work}, which may set attributes on it; failures mark it as an error. */
    public static <T> T span(String name, Function<Span, T> work) {
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.apply(span);
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
