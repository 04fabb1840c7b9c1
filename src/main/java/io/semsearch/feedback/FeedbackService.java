package io.semsearch.feedback;

import io.semsearch.common.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Consumer;

/** Feedback on kept answers, the report for the corpus owner, and the export of rated answers. */
@ApplicationScoped
public class FeedbackService {

    /** Answers deleted per statement, so that a purge never holds many row locks at once. */
    private static final int PURGE_BATCH = 5000;

    private final FeedbackRepository repository;
    private final AnswerRecords records;
    private final FeedbackConfig config;
    private final ApiConfig api;

    public FeedbackService(FeedbackRepository repository, AnswerRecords records, FeedbackConfig config,
            ApiConfig api) {
        this.repository = repository;
        this.records = records;
        this.config = config;
        this.api = api;
    }

    /**
     * Rates a kept answer; a later rating of the same answer replaces the earlier one, comment included.
     *
     * @throws AnswerNotFoundException when no answer with this id is kept (never given, not kept, or past retention)
     * @throws FeedbackNotStoredException when the primary database is read-only
     */
    public void rate(UUID answerId, Rating rating, String comment) {
        records.awaitWritten(answerId);
        OffsetDateTime now = now();
        boolean stored;
        try {
            stored = repository.rate(answerId, rating, comment, now, keptSince(now));
        } catch (IllegalStateException e) {
            if (FeedbackNotStoredException.readOnlyDatabase(e)) {
                throw new FeedbackNotStoredException(Math.max(1, api.databaseRetryAfter().toSeconds()), e);
            }
            throw e;
        }
        if (!stored) {
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

    private OffsetDateTime keptSince(OffsetDateTime now) {
        return now.minus(Duration.ofDays(config.retentionDays()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
