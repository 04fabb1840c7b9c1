package io.semsearch.ingest;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.semsearch.common.ApiConfig;
import io.semsearch.extraction.ExtractionConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start when the transport's hard cap on request bodies ({@code quarkus.http.limits.max-body-size}) is
 * below the largest file upload (semsearch.extraction.max-size plus semsearch.api.max-body-size for the other
 * fields): a file between the two would get its connection closed instead of a 413 problem.
 */
@Singleton
public class UploadLimitCheck {

    static final String TRANSPORT_LIMIT = "quarkus.http.limits.max-body-size";

    void onStart(@Observes StartupEvent event, ExtractionConfig extraction, ApiConfig api) {
        check(ConfigProvider.getConfig().getOptionalValue(TRANSPORT_LIMIT, MemorySize.class).orElse(null),
                extraction.maxSize(), api.maxBodySize());
    }

    static void check(MemorySize transport, MemorySize maxFile, MemorySize maxFields) {
        long needed = maxFile.asLongValue() + maxFields.asLongValue();
        if (transport != null && transport.asLongValue() < needed) {
            throw new IllegalStateException(TRANSPORT_LIMIT + " is " + transport.asLongValue() + " bytes, below the"
                    + " largest file upload, " + needed + " bytes (semsearch.extraction.max-size "
                    + maxFile.asLongValue() + " plus semsearch.api.max-body-size " + maxFields.asLongValue()
                    + "): raise it, or lower semsearch.extraction.max-size");
        }
    }
}
