package io.semsearch.extraction;

/** The file is protected by a password: its text cannot be read without it (HTTP 422). */
public final class EncryptedDocumentException extends ExtractionException {

    public EncryptedDocumentException(String detail, Throwable cause) {
        super(422, "Encrypted document", detail, cause);
    }
}
