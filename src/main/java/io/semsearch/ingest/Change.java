package io.semsearch.ingest;

import io.semsearch.document.StoredText;

import java.util.Map;

/**
 * What indexing a request changes in the store. Decided once per request before the slow embedding, and again by the
 * same rule under the document's row lock before writing, in case a concurrent request stored the same text meanwhile.
 */
enum Change {
    /** No document has this source. */
    NEW,
    /** The text, or the model its vectors come from, differs: chunks are computed and replaced. */
    CONTENT,
    /** Same text and model; a given title, metadata or language differs: only they are written. */
    DETAILS,
    /** The request says what is stored: nothing is written. */
    NONE;

    /**
     * @param title the requested title, normalised; null when not given (keeps the stored one)
     * @param metadata the requested metadata; null when not given (keeps the stored ones)
     * @param language the requested language; null when not given (a new or changed text's is detected, a stored
     *     text keeps its own)
     */
    static Change of(StoredText stored, String textSha256, String model, String title, Map<String, Object> metadata,
            String language) {
        if (stored == null) {
            return NEW;
        }
        if (!stored.contentSha256().equals(textSha256) || !stored.embeddingModel().equals(model)) {
            return CONTENT;
        }
        boolean titleChanged = title != null && !title.equals(stored.title());
        boolean metadataChanged = metadata != null && !metadata.equals(stored.metadata());
        boolean languageChanged = language != null && !language.equals(stored.language());
        return titleChanged || metadataChanged || languageChanged ? DETAILS : NONE;
    }

    /** What the request changes in the stored text. */
    static Change of(StoredText stored, String textSha256, String model, IndexRequest request) {
        return of(stored, textSha256, model, request.title(), request.metadata(), request.language());
    }

    IndexStatus status() {
        return switch (this) {
            case NEW -> IndexStatus.CREATED;
            case CONTENT, DETAILS -> IndexStatus.UPDATED;
            case NONE -> IndexStatus.UNCHANGED;
        };
    }
}
