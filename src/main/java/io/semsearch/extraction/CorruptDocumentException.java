package io.semsearch.extraction;

/** The file is of a supported type but its structure cannot be read (HTTP 422). */
public final class CorruptDocumentException extends ExtractionException {

    public CorruptDocumentException(String detail, Throwable cause) {
        super(422, "Corrupt document", detail, cause);
    }
}
