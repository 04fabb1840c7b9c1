package io.semsearch.common;

/** A request body or a submitted text is larger than its configured limit. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(String detail) {
        super(413, "Payload too large", detail);
    }
}
