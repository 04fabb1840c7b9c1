package io.semsearch.extraction;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes one shared {@link DocumentExtractor} from {@link ExtractionConfig}, closed at shutdown. */
public class ExtractionBeans {

    @Produces
    @Singleton
    DocumentExtractor documentExtractor(ExtractionConfig config) {
        return new DocumentExtractor(config.toOptions());
    }

    void close(@Disposes DocumentExtractor extractor) {
        extractor.close();
    }
}
