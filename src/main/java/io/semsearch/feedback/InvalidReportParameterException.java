package io.semsearch.feedback;

import io.semsearch.common.ApiException;
import io.semsearch.common.Problem;

import java.util.List;

/** A query parameter of the report or the export that passed its pattern but means nothing (e.g. 2026-02-30). */
public class InvalidReportParameterException extends ApiException {

    private final String field;
    private final String message;

    public InvalidReportParameterException(String field, String message) {
        super(400, "Invalid request", field + ": " + message);
        this.field = field;
        this.message = message;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return List.of(new Problem.FieldError(field, message));
    }
}
