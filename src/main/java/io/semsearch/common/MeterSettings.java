package io.semsearch.common;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The service's timers ({@code semsearch.*}) and the HTTP server's publish percentile histograms, so that Prometheus
 * computes any quantile across replicas ({@code histogram_quantile}); buckets from 1 ms to 60 s.
 */
public class MeterSettings {

    @Produces
    @Singleton
    MeterFilter percentileHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER
                        || !(id.getName().startsWith("semsearch.") || id.getName().equals("http.server.requests"))) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(60).toNanos())
                        .build().merge(config);
            }
        };
    }
}
