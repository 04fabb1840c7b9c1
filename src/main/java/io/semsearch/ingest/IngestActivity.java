package io.semsearch.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The indexing jobs of this replica: those running and the last ones finished, for {@code GET /api/ingest/status}
 * and as gauges ({@code semsearch.ingest.running.*}).
 */
@Singleton
public class IngestActivity {

    static final int FINISHED_KEPT = 10;

    private final Map<UUID, IndexProgress> running = new ConcurrentHashMap<>();
    private final Deque<IngestJob> finished = new ArrayDeque<>();

    public IngestActivity(MeterRegistry registry) {
        gauge(registry, "semsearch.ingest.running.jobs", "Indexing jobs running", jobs -> jobs.size());
        gauge(registry, "semsearch.ingest.running.files.all", "Files the running jobs go through",
                jobs -> jobs.stream().mapToDouble(IngestJob::filesTotal).sum());
        gauge(registry, "semsearch.ingest.running.files.done", "Files the running jobs have done",
                jobs -> jobs.stream().mapToDouble(IngestJob::filesDone).sum());
        gauge(registry, "semsearch.ingest.running.files.failed", "Files the running jobs could not index",
                jobs -> jobs.stream().mapToDouble(IngestJob::filesFailed).sum());
        gauge(registry, "semsearch.ingest.running.chunks.per.second", "Chunks per second of the running jobs",
                jobs -> jobs.stream().mapToDouble(IngestJob::chunksPerSecond).sum());
    }

    private void gauge(MeterRegistry registry, String name, String description,
            ToDoubleFunction<List<IngestJob>> value) {
        Gauge.builder(name, this, activity -> value.applyAsDouble(activity.running()))
                .description(description).register(registry);
    }

    /** A job that shows in the status until it finishes, then among the finished ones. */
    public IndexProgress start(IngestJob.Kind kind, String what, int filesTotal) {
        IndexProgress[] started = new IndexProgress[1];
        started[0] = new IndexProgress(kind, what, filesTotal, () -> finish(started[0]));
        running.put(started[0].id(), started[0]);
        return started[0];
    }

    private void finish(IndexProgress progress) {
        IngestJob job = progress.snapshot();
        synchronized (finished) {
            finished.addFirst(job);
            while (finished.size() > FINISHED_KEPT) {
                finished.removeLast();
            }
        }
        running.remove(progress.id());
    }

    /** Running jobs, oldest first. */
    public List<IngestJob> running() {
        return running.values().stream().map(IndexProgress::snapshot)
                .sorted(Comparator.comparing(IngestJob::startedAt)).toList();
    }

    /** Finished jobs, the last one first. */
    public List<IngestJob> finished() {
        synchronized (finished) {
            return List.copyOf(finished);
        }
    }
}
