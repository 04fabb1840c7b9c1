package io.semsearch.ingest;

import io.semsearch.common.ApiException;

/** Nothing is left of a text once its boilerplate is removed. */
public class NothingToIndexException extends ApiException {

    public NothingToIndexException(String detail) {
        super(422, "Nothing to index", detail);
    }
}
