package io.semsearch.document;

import io.semsearch.common.ApiException;

/** The database could not answer a retrieval; the store itself is untouched. */
public class PassageReadException extends ApiException {

    public PassageReadException(String message, Throwable cause) {
        super(503, "Search unavailable", message, cause);
    }
}
