package io.semsearch.ingest;

/** Nothing is left of a text once its boilerplate is removed. */
public class NothingToIndexException extends RuntimeException {

    public NothingToIndexException(String message) {
        super(message);
    }
}
