package io.semsearch.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.semsearch.common.Measures;
import io.semsearch.search.SearchHit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntUnaryOperator;

/**
 * An answer whose every sentence ends with a marker [n] of a citation, or an abstention with its reason.
 */
@Schema(requiredProperties = {"question", "answered", "answer", "citations", "model", "timings"})
public record AskResponse(
        @Schema(description = "The answer's id, for POST /api/ask/{answerId}/feedback; absent when the answer is not "
                + "kept (semsearch.feedback.record-answers off, or the service cannot keep up)", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID answerId,
        String question,
        boolean answered,
        @Schema(description = "null when the service abstains", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) String answer,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) ShortAnswer shortAnswer,
        List<Citation> citations,
        String model,
        @Schema(enumeration = {AnswerGenerator.EXTRACTIVE, "llm"})
        @JsonInclude(JsonInclude.Include.NON_NULL) String generator,
        @JsonInclude(JsonInclude.Include.NON_NULL) String fallbackReason,
        Timings timings) {

    /**
     * A cited passage: {@code text} is {@code content.substring(start, end)} of the document, and
     * {@code text.substring(highlight.start, highlight.end)} is the sentence the answer took from it.
     *
     * @param chunk the chunk's ordinal in its document
     */
    @Schema(requiredProperties = {"n", "documentId", "source", "title", "chunk", "start", "end", "text", "score"})
    public record Citation(int n, UUID documentId, String source, String title, int chunk, int start, int end,
            String text, double score, @JsonInclude(JsonInclude.Include.NON_NULL) Highlight highlight) {

        /** A retrieved passage, numbered {@code n}, before any sentence of it is cited. */
        static Citation of(int n, SearchHit passage) {
            return new Citation(n, passage.documentId(), passage.source(), passage.title(), passage.ordinal(),
                    passage.start(), passage.end(), passage.text(), Measures.score(passage.score()), null);
        }
    }

    public record Highlight(int start, int end) {
    }

    /**
     * The fact the question asks for: {@code citations[citation - 1].text.substring(start, end)}. Absent when the
     * question asks for an explanation (pourquoi, comment, why, how) or no span of the answer's type was found.
     */
    public record ShortAnswer(String text, int citation, int start, int end) {

        static ShortAnswer of(AnswerGenerator.ShortAnswer answer, IntUnaryOperator number) {
            return answer == null ? null : new ShortAnswer(answer.text(), number.applyAsInt(answer.citation()),
                    answer.start(), answer.end());
        }
    }

    @Schema(name = "AskTimings", description = "Milliseconds spent embedding the question, retrieving, answering, in all")
    public record Timings(double embedMs, double searchMs, double answerMs, double totalMs) {
    }

    public static AskResponse of(Answer answer) {
        return of(answer, IntUnaryOperator.identity());
    }

    /**
     * The response of a streamed answer: its markers and citations numbered as {@code passages}, the passages
     * streamed before it, so that the whole stream has one numbering.
     */
    public static AskResponse numberedAsPassages(Answer answer, List<SearchHit> passages) {
        List<AnswerGenerator.Citation> cited = answer.generated().citations();
        return of(answer, n -> passages.indexOf(cited.get(n - 1).passage()) + 1);
    }

    /** @param number the number a citation of the generated answer (numbered from 1 in its order) is shown with */
    private static AskResponse of(Answer answer, IntUnaryOperator number) {
        AnswerGenerator.GeneratedAnswer generated = answer.generated();
        List<Citation> citations = new ArrayList<>();
        for (AnswerGenerator.Citation c : generated.citations()) {
            SearchHit p = c.passage();
            citations.add(new Citation(number.applyAsInt(citations.size() + 1), p.documentId(), p.source(), p.title(),
                    p.ordinal(), p.start(), p.end(), p.text(), Measures.score(c.score()),
                    new Highlight(c.highlightStart(), c.highlightEnd())));
        }
        String text = generated.text() == null ? null : CitationMarkers.renumber(generated.text(), number);
        return new AskResponse(answer.id(), answer.question().text(), generated.answered(), text, generated.reason(),
                ShortAnswer.of(generated.shortAnswer(), number), citations, answer.retrieval().model(),
                generated.generator(), generated.fallbackReason(),
                new Timings(Measures.millis(answer.retrieval().embedNanos()),
                        Measures.millis(answer.retrieval().searchNanos()), Measures.millis(answer.answerNanos()),
                        Measures.millis(answer.totalNanos())));
    }
}
