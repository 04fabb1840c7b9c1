package io.semsearch.feedback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Keeping answers for feedback: whether, for how long, and how the writes are queued. */
@ConfigMapping(prefix = "semsearch.feedback")
public interface FeedbackConfig {

    /**
     * Keep every answer (question, answer, citations) so that it can be rated: each answer then carries an
     * {@code answerId}. Off: answers carry none, and nothing new is kept.
     */
    @WithDefault("true")
    boolean recordAnswers();

    /** Answers, and their feedback, are deleted this many days after they were given. */
    @WithDefault("90")
    @Min(1)
    int retentionDays();

    /** How often answers past their retention are deleted (on every replica; the deletion is idempotent). */
    @WithDefault("1H")
    Duration purgeEvery();

    /**
     * Answers waiting to be written (in the background, so that an answer never waits for the database). When the
     * queue is full, as while the primary database is unreachable, further answers are not kept and carry no
     * {@code answerId}.
     */
    @WithDefault("1000")
    @Min(1)
    int queueSize();
}
