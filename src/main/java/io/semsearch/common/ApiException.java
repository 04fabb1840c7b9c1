package io.semsearch.common;

import java.util.List;
import java.util.Map;

/**
 * An error that the API answers with a problem document of its own status and title: each feature declares what its
 * failures mean to a client by extending this class, and {@link ProblemMappers} renders them all the same way.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String title;

    protected ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    protected ApiException(int status, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
    }

    /** HTTP status of the problem. */
    public int status() {
        return status;
    }

    /** Short, fixed summary of the kind of problem. */
    public String title() {
        return title;
    }

    /** The invalid fields, when the problem is about some; empty otherwise. */
    public List<Problem.FieldError> errors() {
        return List.of();
    }

    /** Headers the response carries besides the problem (e.g. {@code Retry-After}); empty by default. */
    public Map<String, String> headers() {
        return Map.of();
    }

    /** Whether the failure is the service's, to be logged with its stack trace (5xx), or the client's. */
    public boolean serverSide() {
        return status >= 500;
    }
}
