package io.semsearch.answer;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * An answer whose every sentence ends with a marker [n] of a citation, or an abstention with its reason.
 */
public record AskResponse(
        String question,
        boolean answered,
        @JsonInclude(JsonInclude.Include.ALWAYS) String answer,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        List<Citation> citations,
        String model,
        Timings timings) {

    /**
     * A cited passage: {@code text} is {@code content.substring(start, end)} of the document, and
     * {@code text.substring(highlight.start, highlight.end)} is the sentence the answer took from it.
     */
    public record Citation(int n, UUID documentId, String source, String title, int chunk, int start, int end,
            String text, double score, Highlight highlight) {
    }

    public record Highlight(int start, int end) {
    }

    public record Timings(double embedMs, double searchMs, double answerMs, double totalMs) {
    }
}
