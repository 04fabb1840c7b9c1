package io.semsearch.document;

import io.semsearch.common.ApiException;

public class DocumentNotFoundException extends ApiException {

    public DocumentNotFoundException(String id) {
        super(404, "Not Found", "No document with id '" + id + "'");
    }
}
