package io.semsearch.answer;

import java.util.Optional;
import java.util.UUID;

/**
 * Keeps each answer given, so that whoever asked can rate it later (implemented by the feedback feature). Called on
 * the answering thread once the answer is complete: it must not wait for the database, and never fails the answer.
 */
public interface AnswerRecorder {

    /** The id the answer is kept under; empty when it is not kept (recording is off, or cannot keep up). */
    Optional<UUID> record(Answer answer);
}
