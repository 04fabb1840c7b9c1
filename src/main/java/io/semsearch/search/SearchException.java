package io.semsearch.search;

import io.semsearch.common.ApiException;

/** The database could not answer a retrieval; the store itself is untouched. */
public class SearchException extends ApiException {

    public SearchException(String message, Throwable cause) {
        super(503, "Search unavailable", message, cause);
    }
}
