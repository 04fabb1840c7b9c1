package io.semsearch.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestActivityTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestActivity activity = new IngestActivity(registry);

    @Test
    void aRunningJobReportsItsProgressAndAnEstimateOnceAFileIsDone() throws InterruptedException {
        IndexProgress progress = activity.start(IngestJob.Kind.FOLDER_SYNC, "/srv/docs", 10);
        IngestJob started = activity.running().get(0);
        assertEquals(0, started.filesDone());
        assertNull(started.etaSeconds(), "no estimate before the first file");

        progress.add(List.of(result(3), result(4)));
        progress.pass(1);
        progress.fail("abime.pdf", "Corrupt document: …");
        Thread.sleep(20);
        IngestJob job = activity.running().get(0);
        assertEquals(IngestJob.State.RUNNING, job.state());
        assertEquals(4, job.filesDone());
        assertEquals(7, job.chunksDone());
        assertEquals(1, job.filesFailed());
        assertEquals(List.of(new IngestJob.FailedFile("abime.pdf", "Corrupt document: …")), job.failures());
        // 4 files done in t seconds, 6 left: about 1.5 t
        assertEquals(1.5 * job.elapsedSeconds(), job.etaSeconds(), 0.1 + 0.1 * job.elapsedSeconds());
        assertEquals(1, registry.get("semsearch.ingest.running.jobs").gauge().value());
        assertEquals(10, registry.get("semsearch.ingest.running.files.all").gauge().value());
        assertEquals(4, registry.get("semsearch.ingest.running.files.done").gauge().value());
        assertEquals(1, registry.get("semsearch.ingest.running.files.failed").gauge().value());

        progress.finish();
        assertEquals(List.of(), activity.running());
        IngestJob finished = activity.finished().get(0);
        assertEquals(IngestJob.State.FINISHED, finished.state());
        assertEquals(0.0, finished.etaSeconds());
        assertTrue(finished.finishedAt() != null && !finished.finishedAt().isBefore(finished.startedAt()));
        assertEquals(0, registry.get("semsearch.ingest.running.jobs").gauge().value());
    }

    @Test
    void failuresAreAllCountedButOnlyTheFirstOnesKept() {
        IndexProgress progress = activity.start(IngestJob.Kind.BATCH, "500 documents", 500);
        IntStream.range(0, 150).forEach(i -> progress.fail("f" + i, "bad"));
        IngestJob job = activity.running().get(0);
        assertEquals(150, job.filesFailed());
        assertEquals(IndexProgress.FAILURES_KEPT, job.failures().size());
        assertEquals("f0", job.failures().get(0).source());
    }

    @Test
    void onlyTheLastFinishedJobsAreKeptTheLastFirst() {
        for (int i = 0; i < IngestActivity.FINISHED_KEPT + 3; i++) {
            activity.start(IngestJob.Kind.BATCH, i + " documents", i).finish();
        }
        List<IngestJob> finished = activity.finished();
        assertEquals(IngestActivity.FINISHED_KEPT, finished.size());
        assertEquals((IngestActivity.FINISHED_KEPT + 2) + " documents", finished.get(0).what());
    }

    private static IndexResult result(int chunks) {
        return new IndexResult(UUID.randomUUID(), "s", "t", chunks, IndexStatus.CREATED);
    }
}
