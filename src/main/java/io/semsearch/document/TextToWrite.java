package io.semsearch.document;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A document's new content and all its passages, written together: its previous passages are replaced.
 *
 * @param id the stored document's id, null for a new document
 * @param metadata null keeps the stored metadata (none for a new document)
 */
public record TextToWrite(UUID id, String source, String title, String content, String contentSha256,
        String language, Map<String, Object> metadata, String embeddingModel, List<PassageToWrite> passages) {

    public TextToWrite {
        passages = List.copyOf(passages);
    }

    /**
     * A passage of the content, with its vector and its sentences' vectors.
     *
     * @param text exactly {@code content.substring(start, end)}
     */
    public record PassageToWrite(int ordinal, int start, int end, String text, int tokenCount, float[] vector,
            SentenceVectors sentences) {
    }
}
