package io.semsearch.answer;

import io.semsearch.search.Retrieval;
import io.semsearch.search.SearchHit;

import java.util.List;

/**
 * Follows one answer while it is made, for clients that show it as it comes (e.g. a stream of events). Called on the
 * answering thread, in this order: {@link #passages} once, then {@link #text} any number of times, with
 * {@link #restart} between when a generator gives up and another one answers.
 */
public interface AnswerListener {

    /** Listens to nothing: the answer is only wanted whole. */
    AnswerListener NONE = new AnswerListener() {
    };

    /**
     * Retrieval is done.
     *
     * @param passages the passages the answer may cite, best first; while streaming, a marker [n] in {@link #text}
     *     means {@code passages.get(n - 1)}. Empty when the service abstains.
     */
    default void passages(Retrieval retrieval, List<SearchHit> passages) {
    }

    /** The next piece of the answer's text (a sentence, or a model's token), markers numbered as in {@link #passages}. */
    default void text(String delta) {
    }

    /** The text sent so far is withdrawn: the generator that wrote it failed, and another one answers instead. */
    default void restart(String reason) {
    }

    /** Whether the one waiting for the answer is gone, so that the work left can be skipped. */
    default boolean cancelled() {
        return false;
    }
}
