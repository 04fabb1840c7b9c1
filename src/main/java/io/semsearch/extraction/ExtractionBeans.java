package io.semsearch.extraction;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes one shared {@link LanguageIdentifier} (its model is the costly part) and one shared {@link DocumentExtractor}
 * from {@link ExtractionConfig} that uses it, closed at shutdown.
 */
public class ExtractionBeans {

    @Produces
    @Singleton
    LanguageIdentifier languageIdentifier() {
        return new LanguageIdentifier();
    }

    @Produces
    @Singleton
    DocumentExtractor documentExtractor(ExtractionConfig config, LanguageIdentifier languages) {
        return new DocumentExtractor(config.toOptions(), languages);
    }

    void close(@Disposes DocumentExtractor extractor) {
        extractor.close();
    }
}
