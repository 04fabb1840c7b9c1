package io.semsearch.search;

/** A search or ask request with an invalid parameter (HTTP 400). */
public class InvalidSearchException extends RuntimeException {

    private final String field;

    public InvalidSearchException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
