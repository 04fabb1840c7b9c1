package io.semsearch.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(description = "The questions the service abstained on most often, and those whose answers were voted down "
        + "most often, among the answers given since 'since'")
public record FeedbackReportResponse(
        @Schema(description = "Start of the period: the since parameter, or the oldest kept answer's possible age")
        OffsetDateTime since,
        Totals totals,
        @Schema(description = "Most frequent first") List<AbstainedQuestion> abstained,
        @Schema(description = "Most down votes first") List<DownVotedQuestion> downVoted) {

    @Schema(name = "FeedbackTotals", description = "Answers given in the period, abstentions among them, and the "
            + "ratings they got")
    public record Totals(long answers, long abstained, long up, long down) {
    }

    @Schema(description = "A question (grouped over case, spaces and punctuation) the service did not answer")
    public record AbstainedQuestion(
            @Schema(description = "Its latest wording") String question,
            @Schema(description = "How often it was abstained on") long count,
            OffsetDateTime lastSeen,
            @Schema(description = "The latest of these answers") UUID sampleAnswerId) {
    }

    @Schema(description = "A question (grouped over case, spaces and punctuation) whose answers were voted down",
            requiredProperties = {"question", "count", "upVotes", "lastSeen", "sampleAnswerId"})
    public record DownVotedQuestion(
            @Schema(description = "Its latest down-voted wording") String question,
            @Schema(description = "Down votes") long count,
            @Schema(description = "Up votes of the same question's answers") long upVotes,
            @Schema(description = "Latest down vote") OffsetDateTime lastSeen,
            @Schema(description = "The latest down-voted answer") UUID sampleAnswerId,
            @Schema(description = "The latest comment of a down vote", nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL) String lastComment) {
    }

    static FeedbackReportResponse of(FeedbackReport report) {
        FeedbackReport.Totals t = report.totals();
        return new FeedbackReportResponse(report.since(), new Totals(t.answers(), t.abstained(), t.up(), t.down()),
                report.abstained().stream().map(q -> new AbstainedQuestion(q.question(), q.count(), q.lastSeen(),
                        q.sampleAnswerId())).toList(),
                report.downVoted().stream().map(q -> new DownVotedQuestion(q.question(), q.count(), q.upVotes(),
                        q.lastSeen(), q.sampleAnswerId(), q.lastComment())).toList());
    }
}
