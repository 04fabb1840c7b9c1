package io.semsearch.ingest;

import org.jboss.logging.Logger;

import java.util.List;

/** Logs documents and chunks per second while a large set of texts is indexed, every ten seconds at most. */
public class IndexProgress {

    private static final Logger LOG = Logger.getLogger(IndexProgress.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final String what;
    private final int total;
    private final long started = System.nanoTime();
    private long lastLog = started;
    private int documents;
    private long chunks;

    public IndexProgress(String what, int total) {
        this.what = what;
        this.total = total;
    }

    public void add(List<IndexResult> results) {
        documents += results.size();
        chunks += results.stream().mapToInt(IndexResult::chunks).sum();
        long now = System.nanoTime();
        if (now - lastLog >= LOG_EVERY_NANOS) {
            lastLog = now;
            LOG.info(line("Indexing"));
        }
    }

    /** Documents that needed no indexing (unchanged, skipped): they count toward the total, with no chunks. */
    public void pass(int count) {
        documents += count;
    }

    public void finish() {
        LOG.info(line("Indexed"));
    }

    private String line(String verb) {
        double s = Math.max((System.nanoTime() - started) / 1e9, 1e-9);
        return String.format("%s %s: %d/%d documents, %d chunks in %.1f s (%.1f documents/s, %.1f chunks/s)", verb,
                what, documents, total, chunks, s, documents / s, chunks / s);
    }
}
