package io.semsearch.feedback;

import io.semsearch.answer.Answer;
import io.semsearch.answer.AnswerRecorder;
import io.semsearch.common.DaemonThreads;
import io.semsearch.common.DatabaseOutage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps answers in the background: the answering thread only queues the answer and gets its id, so an answer never
 * waits for, nor fails because of, the database. An answer whose write fails (the primary unreachable) is logged and
 * lost: feedback on it is answered 404. When the queue is full the answer is not kept and gets no id.
 */
@ApplicationScoped
public class AnswerRecords implements AnswerRecorder {

    private static final Logger LOG = Logger.getLogger(AnswerRecords.class);
    /** How long feedback waits for the write of the answer it rates, when that write is still queued here. */
    private static final long PENDING_WAIT_SECONDS = 10;

    private final FeedbackRepository repository;
    private final FeedbackConfig config;
    private final ThreadPoolExecutor writer;
    private final Map<UUID, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    public AnswerRecords(FeedbackRepository repository, FeedbackConfig config) {
        this.repository = repository;
        this.config = config;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.queueSize()),
                DaemonThreads.numbered("answer-records"), new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public Optional<UUID> record(Answer answer) {
        if (!config.recordAnswers()) {
            return Optional.empty();
        }
        RecordedAnswer recorded = RecordedAnswer.of(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), answer);
        CompletableFuture<Void> written = new CompletableFuture<>();
        pending.put(recorded.id(), written);
        try {
            writer.execute(() -> write(recorded, written));
        } catch (RejectedExecutionException e) {
            pending.remove(recorded.id());
            if (failures.getAndIncrement() % 100 == 0) {
                LOG.warnf("An answer is not kept for feedback: %d answers wait to be written already", config.queueSize());
            }
            return Optional.empty();
        }
        return Optional.of(recorded.id());
    }

    private void write(RecordedAnswer answer, CompletableFuture<Void> written) {
        try {
            repository.insert(answer);
            written.complete(null);
        } catch (Exception e) {
            written.completeExceptionally(e);
            if (DatabaseOutage.causedBy(e) || FeedbackNotStoredException.readOnlyDatabase(e)) {
                if (failures.getAndIncrement() % 100 == 0) {
                    LOG.warn("An answer could not be kept for feedback, the database is unreachable or read-only "
                            + "(logged once in 100 failures): " + e.getMessage());
                }
            } else {
                LOG.error("An answer could not be kept for feedback", e);
            }
        } finally {
            pending.remove(answer.id());
        }
    }

    /**
     * Waits until the answer {@code id} is written, when this replica still has its write queued: feedback may come
     * before the write did. Returns at once for an answer it is not writing.
     */
    void awaitWritten(UUID id) {
        CompletableFuture<Void> written = pending.get(id);
        if (written == null) {
            return;
        }
        try {
            written.get(PENDING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the lookup that follows finds no answer: 404
        }
    }

    /** Writes what is queued before the service stops (the datasources close after the beans that use them). */
    @PreDestroy
    void drain() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warnf("%d answers were not kept for feedback: the service stopped first", writer.getQueue().size());
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
