package io.semsearch.extraction;

/**
 * A file whose text cannot be extracted. Each subclass maps to one HTTP status and one problem title, so that an API
 * can answer with {@code application/problem+json}: {@link #status()}, {@link #title()}, and the message as the
 * detail (it says what was wrong with the file and what to do about it). Nothing has been stored when it is thrown.
 */
public abstract sealed class ExtractionException extends RuntimeException
        permits DocumentTooLargeException, UnsupportedDocumentException, CorruptDocumentException,
        TruncatedDocumentException, EncryptedDocumentException, DocumentLimitExceededException,
        ExtractionTimeoutException, NoMainTextException {

    private final int status;
    private final String title;

    protected ExtractionException(int status, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
    }

    /** HTTP status the error maps to: 413, 415 or 422. */
    public int status() {
        return status;
    }

    /** Short, stable problem title (RFC 9457 {@code title}); the message is the {@code detail}. */
    public String title() {
        return title;
    }
}
