package io.semsearch.answer;

import io.semsearch.search.Retrieval;

import java.util.UUID;

/**
 * What answering a question gave: the generated answer (or abstention), the retrieval it came from, and how long
 * each step took.
 *
 * @param id the id the answer is kept under for feedback ({@link AnswerRecorder}); null when it is not kept
 */
public record Answer(Question question, AnswerGenerator.GeneratedAnswer generated, Retrieval retrieval,
        long answerNanos, long totalNanos, UUID id) {

    public Answer(Question question, AnswerGenerator.GeneratedAnswer generated, Retrieval retrieval,
            long answerNanos, long totalNanos) {
        this(question, generated, retrieval, answerNanos, totalNanos, null);
    }

    Answer withId(UUID id) {
        return new Answer(question, generated, retrieval, answerNanos, totalNanos, id);
    }
}
