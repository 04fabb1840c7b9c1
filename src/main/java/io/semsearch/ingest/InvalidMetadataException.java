package io.semsearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.semsearch.common.ApiException;
import io.semsearch.common.Problem;

import java.util.List;

/** The {@code metadata} form field is JSON the service does not take (HTTP 400 naming the field). */
final class InvalidMetadataException extends ApiException {

    private final String reason;

    InvalidMetadataException(JsonProcessingException cause) {
        this(reason(cause), cause);
    }

    private InvalidMetadataException(String reason, JsonProcessingException cause) {
        super(400, "Invalid request", "metadata: " + reason, cause);
        this.reason = reason;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return List.of(new Problem.FieldError("metadata", reason));
    }

    private static String reason(JsonProcessingException cause) {
        String message = cause.getOriginalMessage() == null ? "" : cause.getOriginalMessage();
        return "is not JSON the service accepts: " + message.replace("\0", "\\u0000");
    }
}
