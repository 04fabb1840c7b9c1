package io.semsearch.extraction;

import io.semsearch.common.ApiException;

/**
 * A file whose text cannot be extracted. Each subclass is an {@link ApiException} of one HTTP status (413, 415, 422,
 * or 503 when the workers are saturated) and one problem title, so that the API answers it with
 * {@code application/problem+json} as it does every feature's failures; the message is the detail (what was wrong
 * with the file and what to do about it). Nothing has been stored when it is thrown.
 */
public abstract sealed class ExtractionException extends ApiException
        permits DocumentTooLargeException, UnsupportedDocumentException, CorruptDocumentException,
        TruncatedDocumentException, EncryptedDocumentException, DocumentLimitExceededException,
        ExtractionTimeoutException, NoMainTextException, ExtractionBusyException {

    protected ExtractionException(int status, String title, String detail, Throwable cause) {
        super(status, title, detail, cause);
    }
}
