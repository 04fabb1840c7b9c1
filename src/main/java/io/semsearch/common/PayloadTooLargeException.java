package io.semsearch.common;

/** A request body or a submitted text is larger than its configured limit (HTTP 413). */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
