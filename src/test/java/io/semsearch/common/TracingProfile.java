package io.semsearch.common;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The OpenTelemetry SDK on (spans kept in memory, exported at once) and JSON console logs. */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.bsp.schedule.delay", "PT0.02S",
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:9",
                "quarkus.log.console.json.enabled", "true");
    }
}
