package io.semsearch.ingest;

import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One running indexing job (a folder sync, a batch): files done out of the total, chunks, rates, an estimate of the
 * time left and the files that failed. Logs its progress every ten seconds at most; read by
 * {@code GET /api/ingest/status} from other threads while the job's own thread updates it.
 */
public class IndexProgress {

    /** Failed files kept for the status, the first ones; every failure is counted. */
    static final int FAILURES_KEPT = 100;

    private static final Logger LOG = Logger.getLogger(IndexProgress.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final UUID id = UUID.randomUUID();
    private final IngestJob.Kind kind;
    private final String what;
    private final int total;
    private final Instant startedAt = Instant.now();
    private final long started = System.nanoTime();
    private final Runnable onFinish;
    private long lastLog = started;
    private int files;
    private long chunks;
    private int failed;
    private final List<IngestJob.FailedFile> failures = new ArrayList<>();
    private Instant finishedAt;
    private long finished;

    IndexProgress(IngestJob.Kind kind, String what, int total, Runnable onFinish) {
        this.kind = kind;
        this.what = what;
        this.total = total;
        this.onFinish = onFinish;
    }

    UUID id() {
        return id;
    }

    /** Files (or texts) indexed, with their chunks. */
    public synchronized void add(List<IndexResult> results) {
        files += results.size();
        chunks += results.stream().mapToInt(IndexResult::chunks).sum();
        long now = System.nanoTime();
        if (now - lastLog >= LOG_EVERY_NANOS) {
            lastLog = now;
            LOG.info(line("Indexing"));
        }
    }

    /** Files that needed no indexing (unchanged): they count toward the total, with no chunks. */
    public synchronized void pass(int count) {
        files += count;
    }

    /** A file that could not be read, extracted or indexed: it counts as done, and is reported. */
    public synchronized void fail(String source, String problem) {
        files++;
        failed++;
        if (failures.size() < FAILURES_KEPT) {
            failures.add(new IngestJob.FailedFile(source, problem));
        }
    }

    public void finish() {
        synchronized (this) {
            finishedAt = Instant.now();
            finished = System.nanoTime();
        }
        // a folder sync is rare and long; batches come by the thousand from bulk clients
        LOG.log(kind == IngestJob.Kind.FOLDER_SYNC ? Logger.Level.INFO : Logger.Level.DEBUG, line("Indexed"));
        onFinish.run();
    }

    public synchronized IngestJob snapshot() {
        boolean running = finishedAt == null;
        double seconds = Math.max(((running ? System.nanoTime() : finished) - started) / 1e9, 1e-9);
        double filesPerSecond = files / seconds;
        Double eta = !running ? Double.valueOf(0) : files == 0 ? null
                : Double.valueOf(Math.max(total - files, 0) / filesPerSecond);
        return new IngestJob(id, kind, what, running ? IngestJob.State.RUNNING : IngestJob.State.FINISHED,
                startedAt, finishedAt, total, files, chunks, failed, round(seconds), round(filesPerSecond),
                round(chunks / seconds), eta == null ? null : round(eta), List.copyOf(failures));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private synchronized String line(String verb) {
        IngestJob job = snapshot();
        String eta = job.running() && job.etaSeconds() != null ? String.format(", about %.0f s left", job.etaSeconds())
                : "";
        return String.format("%s %s %s: %d/%d files, %d chunks, %d failed in %.1f s (%.1f files/s, %.1f chunks/s%s)",
                verb, kind == IngestJob.Kind.FOLDER_SYNC ? "folder" : "batch of", what, files, total, chunks, failed,
                job.elapsedSeconds(), job.filesPerSecond(), job.chunksPerSecond(), eta);
    }
}
