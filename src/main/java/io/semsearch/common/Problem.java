package io.semsearch.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.util.List;

/** An RFC 9457 problem detail, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"type", "title", "status", "detail", "instance"}, properties = @SchemaProperty(
        name = "requestId", type = SchemaType.STRING, description = "The request's id, as in its X-Request-Id header "
                + "and the service's log lines"))
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The id of the request that failed ({@link RequestIds}), to find its log lines; absent outside a request. */
    @JsonProperty("requestId")
    public String requestId() {
        return RequestIds.current();
    }

    /** The problem a feature's failure stands for, as the API answers it. */
    public static Problem of(ApiException e, String instance) {
        return new Problem("about:blank", e.title(), e.status(), e.getMessage(), instance,
                e.errors().isEmpty() ? null : e.errors());
    }

    /** The detail of a 401 without a key. */
    public static final String MISSING_KEY = "This endpoint needs an API key: send Authorization: Bearer <key>";
    /** The detail of a 401 for a key that matches none. */
    public static final String INVALID_KEY = "The API key is not valid: unknown or revoked";

    /** A 401: no key ({@code keyGiven} false), or one that matches none; sent with {@code WWW-Authenticate: Bearer}. */
    public static Problem unauthorized(boolean keyGiven, String instance) {
        return new Problem("about:blank", "Unauthorized", 401, keyGiven ? INVALID_KEY : MISSING_KEY, instance, null);
    }

    /** A 503 while the database cannot be reached; sent with {@code Retry-After}. */
    public static Problem databaseUnavailable(String instance) {
        return new Problem("about:blank", "Service unavailable", 503, "The database cannot be reached; retry later",
                instance, null);
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
