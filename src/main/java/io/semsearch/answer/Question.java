package io.semsearch.answer;

import io.semsearch.search.SearchFilters;

import java.util.List;
import java.util.Objects;

/**
 * A question to answer from the indexed passages.
 *
 * @param k how many passages to retrieve
 * @param history the earlier turns of the conversation, oldest first
 */
public record Question(String text, int k, SearchFilters filters, List<Turn> history) {

    public Question {
        Objects.requireNonNull(text, "text");
        filters = filters == null ? SearchFilters.NONE : filters;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public enum Speaker { USER, ASSISTANT }

    public record Turn(Speaker speaker, String content) {
    }

    /**
     * The text retrieval runs on: the question, preceded by the last earlier user turn so that a follow-up such as
     * "Et combien a-t-elle levé ?" is searched together with what it refers to.
     */
    String retrievalText() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).speaker() == Speaker.USER) {
                return history.get(i).content() + "\n" + text;
            }
        }
        return text;
    }
}
