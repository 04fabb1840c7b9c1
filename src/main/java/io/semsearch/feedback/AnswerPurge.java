package io.semsearch.feedback;

import io.quarkus.scheduler.Scheduled;
import io.semsearch.common.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Deletes, every semsearch.feedback.purge-every, the answers past their retention, with their feedback. */
@ApplicationScoped
public class AnswerPurge {

    private static final Logger LOG = Logger.getLogger(AnswerPurge.class);

    private final FeedbackService feedback;

    public AnswerPurge(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Scheduled(identity = "answer-purge", every = "${semsearch.feedback.purge-every:1H}", delayed = "1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePeriodically() {
        try {
            long deleted = feedback.purge();
            if (deleted > 0) {
                LOG.infof("Deleted %d answers past their retention, with their feedback", deleted);
            }
        } catch (RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                LOG.warn("Answers past their retention not deleted, the database is unreachable; next try later");
            } else {
                LOG.error("Deleting answers past their retention failed", e);
            }
        }
    }
}
