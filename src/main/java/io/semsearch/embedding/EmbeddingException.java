package io.semsearch.embedding;

/** The model could not be loaded or could not embed a text. Never answered with a made-up vector. */
public class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
