package io.semsearch.extraction;

/** The file is larger than {@link ExtractionOptions#maxBytes()} (HTTP 413). */
public final class DocumentTooLargeException extends ExtractionException {

    private final long maxBytes;

    public DocumentTooLargeException(String detail, long maxBytes) {
        super(413, "Document too large", detail, null);
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
