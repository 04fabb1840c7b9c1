package io.semsearch.ingest;

import io.semsearch.common.PayloadTooLargeException;
import io.semsearch.document.StoredText;
import io.semsearch.extraction.ExtractionConfig;
import io.semsearch.extraction.LanguageIdentifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import java.nio.charset.StandardCharsets;

/**
 * The first step of indexing, before any vector: the size check, cleaning, the language (the request's, else
 * detected once from the cleaned text with {@link LanguageIdentifier}, else {@code semsearch.ingest.language}) and
 * the chunks with their sentences.
 */
@ApplicationScoped
class TextPreparation {

    private final TextCleaner cleaner;
    private final SentenceChunker chunker;
    /** Resolved on the first text without a language: its model loads in about a second. */
    private final Provider<LanguageIdentifier> languages;
    private final int minLanguageLetters;
    private final IngestConfig config;

    @Inject
    TextPreparation(TextCleaner cleaner, SentenceChunker chunker, Provider<LanguageIdentifier> languages,
            ExtractionConfig extraction, IngestConfig config) {
        this(cleaner, chunker, languages, extraction.minLanguageChars(), config);
    }

    TextPreparation(TextCleaner cleaner, SentenceChunker chunker, Provider<LanguageIdentifier> languages,
            int minLanguageLetters, IngestConfig config) {
        this.cleaner = cleaner;
        this.chunker = chunker;
        this.languages = languages;
        this.minLanguageLetters = minLanguageLetters;
        this.config = config;
    }

    void checkSize(IndexRequest request) {
        long bytes = request.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxTextBytes()) {
            throw new PayloadTooLargeException("The text of '" + request.source() + "' has " + bytes
                    + " bytes; the limit is " + config.maxTextBytes() + " (semsearch.ingest.max-text-bytes)");
        }
    }

    /** The request's text cleaned and chunked; refused when nothing is left once boilerplate is removed. */
    PreparedText prepare(int position, IndexRequest request, String sha256) {
        CleanedText cleaned = cleaner.clean(request.text(), request.title());
        if (cleaned.content().isBlank()) {
            throw new NothingToIndexException("Nothing is left of the text of '" + request.source()
                    + "' once boilerplate is removed (" + cleaned.droppedLines().size() + " line(s) dropped)");
        }
        return new PreparedText(position, request, sha256, cleaned.title(), cleaned.content(),
                languageOf(request, cleaned.content()), chunker.chunk(cleaned.content()), false);
    }

    /** A stored text chunked again as it is, keeping its title, metadata, language and hash. */
    PreparedText again(StoredText stored) {
        return new PreparedText(0, new IndexRequest(stored.source(), stored.title(), stored.content(),
                stored.metadata(), stored.language()), stored.contentSha256(), stored.title(), stored.content(),
                stored.language(), chunker.chunk(stored.content()), true);
    }

    /** The request's language, else the one detected from the cleaned text, else the configured default. */
    private String languageOf(IndexRequest request, String content) {
        if (request.language() != null) {
            return request.language();
        }
        return languages.get().detect(content, minLanguageLetters).map(LanguageIdentifier.Detected::language)
                .orElse(config.language());
    }
}
