package io.semsearch.answer;

import io.semsearch.search.Retrieval;

/**
 * What answering a question gave: the generated answer (or abstention), the retrieval it came from, and how long
 * each step took.
 */
public record Answer(Question question, AnswerGenerator.GeneratedAnswer generated, Retrieval retrieval,
        long answerNanos, long totalNanos) {
}
