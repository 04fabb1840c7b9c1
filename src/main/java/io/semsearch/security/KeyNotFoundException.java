package io.semsearch.security;

import io.semsearch.common.ApiException;

public class KeyNotFoundException extends ApiException {

    public KeyNotFoundException(String id) {
        super(404, "Not found", "No API key with id " + id);
    }
}
