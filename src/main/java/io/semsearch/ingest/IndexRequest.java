package io.semsearch.ingest;

import io.semsearch.extraction.LanguageIdentifier;

import java.util.Map;
import java.util.Objects;

/**
 * A text to index under a caller-chosen unique {@code source}.
 *
 * @param source stripped of surrounding whitespace
 * @param title normalised as titles are stored ({@link TextCleaner#normalizeInline}); null when not given, then the
 *     stored title is kept, or taken from the text's first line for a new or changed text
 * @param metadata null when not given: the stored metadata is kept (empty for a new document)
 * @param language the text's language as an ISO 639-1 code (a tag such as {@code fr-FR} or {@code fra} is normalised
 *     to it); null when not given: detected from the cleaned text, else {@code semsearch.ingest.language}
 */
public record IndexRequest(String source, String title, String text, Map<String, Object> metadata, String language) {

    public IndexRequest {
        source = Objects.requireNonNull(source, "source").strip();
        Objects.requireNonNull(text, "text");
        title = title == null || title.isBlank() ? null : TextCleaner.normalizeInline(title);
        if (language != null && !language.isBlank()) {
            String code = LanguageIdentifier.toIso6391(language);
            if (code == null) {
                throw new IllegalArgumentException("not a language code: " + language);
            }
            language = code;
        } else {
            language = null;
        }
    }

    /** A text whose language is detected. */
    public IndexRequest(String source, String title, String text, Map<String, Object> metadata) {
        this(source, title, text, metadata, null);
    }
}
