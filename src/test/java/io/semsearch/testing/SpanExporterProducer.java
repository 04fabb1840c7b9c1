package io.semsearch.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the spans of the test service in memory (Quarkus' {@code cdi} trace exporter hands every {@code SpanExporter}
 * bean the finished spans). Only used when a test profile turns the OpenTelemetry SDK on.
 */
@ApplicationScoped
public class SpanExporterProducer {

    @Produces
    @Singleton
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
