package io.semsearch.embedding;

import io.semsearch.common.ApiException;

/** The model could not be loaded or could not embed a text. Never answered with a made-up vector. */
public class EmbeddingException extends ApiException {

    public EmbeddingException(String message) {
        super(503, "Embedding model unavailable", message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(503, "Embedding model unavailable", message, cause);
    }
}
