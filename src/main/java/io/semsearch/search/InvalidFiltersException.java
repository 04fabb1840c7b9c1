package io.semsearch.search;

import io.semsearch.common.ApiException;
import io.semsearch.common.Problem;

import java.util.List;
import java.util.stream.Collectors;

/** Filter query parameters that cannot be read as filters, e.g. one metadata key given two values. */
public class InvalidFiltersException extends ApiException {

    private final List<Problem.FieldError> errors;

    public InvalidFiltersException(List<Problem.FieldError> errors) {
        super(400, "Invalid request", errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
