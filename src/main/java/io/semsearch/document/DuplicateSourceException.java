package io.semsearch.document;

/** Another writer created a document with the same source meanwhile: the write was rolled back. */
public class DuplicateSourceException extends RuntimeException {

    public DuplicateSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
