package io.semsearch.feedback;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;

/** Feedback on kept answers, the report for the corpus owner, and the export of rated answers. */
@ApplicationScoped
public class FeedbackService {

    private final FeedbackRepository repository;
    private final AnswerRecords records;
    private final FeedbackConfig config;

    public FeedbackService(FeedbackRepository repository, AnswerRecords records, FeedbackConfig config) {
        this.repository = repository;
        this.records = records;
        this.config = config;
    }

    /**
     * Rates a kept answer; a later rating of the same answer replaces the earlier one, comment included.
     *
     * @throws AnswerNotFoundException when no answer with this id is kept (never given, not kept, or past retention)
     */
    public void rate(UUID answerId, Rating rating, String comment) {
        records.awaitWritten(answerId);
        OffsetDateTime now = now();
        if (!repository.rate(answerId, rating, comment, now, keptSince(now))) {
            throw new AnswerNotFoundException(answerId);
        }
    }

    /**
     * The most frequent abstained and down-voted questions of the answers given since {@code since} (by default, all
     * kept answers), {@code limit} of each.
     */
    public FeedbackReport report(OffsetDateTime since, int limit) {
        OffsetDateTime from = since == null ? keptSince(now()) : since;
        return new FeedbackReport(from, repository.totals(from), repository.abstained(from, limit),
                repository.downVoted(from, limit));
    }

    /** Hands the kept answers given since {@code since} (all kept ones by default) to {@code sink}, oldest first. */
    public void export(OffsetDateTime since, boolean all, Consumer<ExportedAnswer> sink) {
        repository.forEach(since == null ? keptSince(now()) : since, all, sink);
    }

    /** Deletes the answers past their retention, and their feedback; returns how many. */
    public long purge() {
        OffsetDateTime before = keptSince(now());
        long deleted = 0;
        for (int batch; (batch = repository.deleteBefore(before, PURGE_BATCH)) > 0; ) {
            deleted += batch;
        }
        return deleted;
    }

    /** Answers deleted per statement, so that a purge never holds many row locks at once. */
    private static final int PURGE_BATCH = 5000;

    private OffsetDateTime keptSince(OffsetDateTime now) {
        return now.minus(Duration.ofDays(config.retentionDays()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
