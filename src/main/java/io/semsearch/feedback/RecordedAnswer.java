package io.semsearch.feedback;

import io.semsearch.answer.Answer;
import io.semsearch.answer.AnswerGenerator;
import io.semsearch.search.SearchFilters;
import io.semsearch.search.SearchHit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An answer as it is kept: the question, the answer's text and its citations as POST /api/ask returned them (the
 * markers [n] of {@code answer} number {@code citations} from 1).
 *
 * @param historyTurns how many earlier turns of the conversation came with the question
 * @param filters the filters of the question; null when it had none
 */
public record RecordedAnswer(UUID id, OffsetDateTime createdAt, String question, int historyTurns,
        SearchFilters filters, boolean answered, String reason, String answer, String shortAnswer,
        List<Citation> citations, String model, String generator) {

    /**
     * A cited passage: {@code text} is {@code content.substring(start, end)} of its document, and
     * {@code text.substring(highlightStart, highlightEnd)} the sentence the answer quotes.
     */
    @Schema(name = "ExportedCitation", description = "A cited passage and the offsets of the sentence quoted from it")
    public record Citation(int n, UUID documentId, String source, String title, int chunk, int start, int end,
            String text, int highlightStart, int highlightEnd) {
    }

    public static RecordedAnswer of(UUID id, OffsetDateTime createdAt, Answer answer) {
        AnswerGenerator.GeneratedAnswer generated = answer.generated();
        List<Citation> citations = new ArrayList<>(generated.citations().size());
        for (AnswerGenerator.Citation c : generated.citations()) {
            SearchHit p = c.passage();
            citations.add(new Citation(citations.size() + 1, p.documentId(), p.source(), p.title(), p.ordinal(),
                    p.start(), p.end(), p.text(), c.highlightStart(), c.highlightEnd()));
        }
        SearchFilters filters = answer.question().filters();
        return new RecordedAnswer(id, createdAt, answer.question().text(), answer.question().history().size(),
                filters.isEmpty() ? null : filters, generated.answered(), generated.reason(), generated.text(),
                generated.shortAnswer() == null ? null : generated.shortAnswer().text(), citations,
                answer.retrieval().model(), generated.generator());
    }
}
