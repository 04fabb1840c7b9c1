package io.semsearch.feedback;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.semsearch.search.SearchFilters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One line of the export: a kept answer as it was given, with its feedback. The markers [n] of {@code answer} number
 * {@code citations} from 1, and {@code citations[i].text.substring(highlightStart, highlightEnd)} is the sentence
 * quoted.
 */
// written and read by Jackson outside a REST signature (JSON lines, JSONB columns): registered for the native image
@RegisterForReflection(targets = {ExportLine.class, RecordedAnswer.Citation.class, SearchFilters.class})
@Schema(description = "One line of GET /api/feedback/export: a kept answer with its citations and feedback")
public record ExportLine(UUID answerId, OffsetDateTime createdAt, String question,
        @Schema(description = "Earlier turns of the conversation sent with the question") int historyTurns,
        @Schema(nullable = true) SearchFilters filters, boolean answered,
        @Schema(nullable = true, description = "Why the service abstained") String reason,
        @Schema(nullable = true) String answer, @Schema(nullable = true) String shortAnswer,
        List<RecordedAnswer.Citation> citations, String model, String generator,
        @Schema(nullable = true, enumeration = {"up", "down"}) String rating,
        @Schema(nullable = true) String comment, @Schema(nullable = true) OffsetDateTime ratedAt) {

    static ExportLine of(ExportedAnswer exported) {
        RecordedAnswer a = exported.answer();
        return new ExportLine(a.id(), a.createdAt(), a.question(), a.historyTurns(), a.filters(), a.answered(),
                a.reason(), a.answer(), a.shortAnswer(), a.citations(), a.model(), a.generator(),
                exported.rating() == null ? null : exported.rating().label(), exported.comment(), exported.ratedAt());
    }
}
