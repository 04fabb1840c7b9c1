package io.semsearch.document;

import io.semsearch.common.ApiException;

public class DocumentNotFoundException extends ApiException {

    private DocumentNotFoundException(String detail) {
        super(404, "Not Found", detail);
    }

    public static DocumentNotFoundException byId(String id) {
        return new DocumentNotFoundException("No document with id '" + id + "'");
    }

    public static DocumentNotFoundException bySource(String source) {
        return new DocumentNotFoundException("No document with source '" + source + "'");
    }
}
