package io.semsearch.document;

import java.util.Map;
import java.util.UUID;

/**
 * A stored document as indexing decides on it: whether a request changes it, and what to embed again.
 *
 * @param contentSha256 sha256 of the text as submitted, before cleaning
 * @param content the cleaned text, which passage offsets point into
 * @param embeddingModel the model whose vectors its passages hold
 */
public record StoredText(UUID id, String source, String title, String content, String contentSha256,
        String language, Map<String, Object> metadata, String embeddingModel) {

    public StoredText {
        metadata = metadata == null ? Map.of() : metadata;
    }
}
