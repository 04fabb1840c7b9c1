package io.semsearch.ingest;

import java.util.Map;
import java.util.Objects;

/**
 * A text to index under a caller-chosen unique {@code source}.
 *
 * @param source stripped of surrounding whitespace
 * @param title normalised as titles are stored ({@link TextCleaner#normalizeInline}); null when not given, then the
 *     stored title is kept, or taken from the text's first line for a new or changed text
 * @param metadata null when not given: the stored metadata is kept (empty for a new document)
 */
public record IndexRequest(String source, String title, String text, Map<String, Object> metadata) {

    public IndexRequest {
        source = Objects.requireNonNull(source, "source").strip();
        Objects.requireNonNull(text, "text");
        title = title == null || title.isBlank() ? null : TextCleaner.normalizeInline(title);
    }
}
