package io.semsearch.feedback;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the corpus owner should look at: questions the service could not answer, and answers users disliked. */
public record FeedbackReport(OffsetDateTime since, Totals totals, List<QuestionCount> abstained,
        List<QuestionCount> downVoted) {

    /** Answers given since the report's start, and the feedback on them. */
    public record Totals(long answers, long abstained, long up, long down) {
    }

    /**
     * One question, as its latest wording, counted over all its wordings ({@link QuestionKey}).
     *
     * @param count how often it was abstained on, or voted down
     * @param upVotes the up votes of its answers (down-voted questions; 0 for abstentions)
     * @param sampleAnswerId its latest answer (abstained, or voted down)
     * @param lastComment the latest comment of a down vote; null for abstentions and when no vote has one
     */
    public record QuestionCount(String question, long count, long upVotes, OffsetDateTime lastSeen,
            UUID sampleAnswerId, String lastComment) {
    }
}
