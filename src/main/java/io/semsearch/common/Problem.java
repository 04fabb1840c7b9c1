package io.semsearch.common;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An RFC 9457 problem detail, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem a feature's failure stands for, as the API answers it. */
    public static Problem of(ApiException e, String instance) {
        return new Problem("about:blank", e.title(), e.status(), e.getMessage(), instance,
                e.errors().isEmpty() ? null : e.errors());
    }

    /** An unexpected failure, whose details are in the log only. */
    public static Problem internal(String instance) {
        return new Problem("about:blank", "Internal error", 500, "The request failed unexpectedly; the error is logged",
                instance, null);
    }

    /** One invalid field of the request. */
    public record FieldError(String field, String message) {
    }
}
