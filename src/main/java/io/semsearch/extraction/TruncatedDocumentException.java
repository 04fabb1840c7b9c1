package io.semsearch.extraction;

/** The file ends before its format says it should, typically an interrupted upload or copy (HTTP 422). */
public final class TruncatedDocumentException extends ExtractionException {

    public TruncatedDocumentException(String detail) {
        super(422, "Truncated document", detail, null);
    }
}
