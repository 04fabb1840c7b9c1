package io.semsearch.feedback;

import io.semsearch.common.ApiException;

import java.util.UUID;

public class AnswerNotFoundException extends ApiException {

    public AnswerNotFoundException(UUID id) {
        super(404, "Not Found", "No answer with id '" + id + "' is kept: it was never given, was not kept, or is "
                + "past its retention");
    }
}
