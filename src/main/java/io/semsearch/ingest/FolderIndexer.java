package io.semsearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.semsearch.common.Sha256;
import io.semsearch.common.Traces;
import io.semsearch.document.DocumentRepository;
import io.semsearch.extraction.ExtractedDocument;
import io.semsearch.extraction.ExtractionConfig;
import io.semsearch.extraction.ExtractionException;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the documents of {@code semsearch.ingest.directory} in sync with its files, at start and then every
 * {@code semsearch.ingest.directory-sync-interval}, in the background: every file of a supported format (by its
 * extension; the content decides the type) is extracted and indexed, a changed file is indexed again, the document
 * of a deleted file is deleted. A file's source is its path relative to the folder; its metadata hold {@code path}
 * (that same relative path), {@code folder} (an opaque mark of the folder, the start of the SHA-256 of its absolute
 * path: the documents this folder owns, without telling where it is on the server) and {@code fileSha256} (its
 * bytes' hash: an unchanged file is not extracted again). Bad files are logged once and skipped. Hidden files and
 * office lock files ({@code ~$name.docx}) are ignored; links leading out of the folder and files that are not regular
 * files are skipped ({@link FolderListing}).
 *
 * <p>Replicas sharing one folder (mounted at the same path) and one database: one syncs the folder at a time
 * ({@link FolderSyncLock}), the others skip that round; and without the lock it would still be safe: indexing is
 * idempotent (the same text is unchanged, two replicas creating one source end in one document), and a document is
 * deleted only while it still carries this folder's mark and its file is still missing.
 */
@Singleton
public class FolderIndexer {

    static final int ORDER = SampleCorpus.ORDER + 10;
    static final String PATH = "path";
    static final String FOLDER = "folder";
    static final String FILE_SHA256 = "fileSha256";

    private static final Logger LOG = Logger.getLogger(FolderIndexer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileIngestService files;
    private final IngestService ingest;
    private final DocumentRepository documents;
    private final FolderSyncLock locks;
    private final IngestConfig config;
    private final long maxFileBytes;
    private final FileHashes hashes;
    /** Files that could not be extracted, by hash: logged once, tried again when they change. */
    private final Map<Path, String> refused = new ConcurrentHashMap<>();
    private final Scheduler scheduler;
    private final ManagedExecutor executor;
    private final IngestActivity activity;

    public FolderIndexer(FileIngestService files, IngestService ingest, DocumentRepository documents,
            FolderSyncLock locks, IngestConfig config, ExtractionConfig extraction, Scheduler scheduler,
            ManagedExecutor executor, IngestActivity activity) {
        this.files = files;
        this.ingest = ingest;
        this.documents = documents;
        this.locks = locks;
        this.config = config;
        this.maxFileBytes = extraction.maxSize().asLongValue();
        this.hashes = new FileHashes(maxFileBytes);
        this.scheduler = scheduler;
        this.executor = executor;
        this.activity = activity;
    }

    /** The first sync in the background right away, then one every interval; a sync never overlaps another. */
    void onStart(@Observes @Priority(ORDER) StartupEvent event) {
        config.directory().ifPresent(folder -> {
            Duration interval = config.directorySyncInterval();
            if (interval.isZero() || interval.isNegative()) {
                executor.runAsync(() -> syncSafely(folder));
            } else {
                scheduler.newJob("folder-sync").setInterval(interval.toString())
                        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                        .setTask(execution -> syncSafely(folder)).schedule();
            }
        });
    }

    private void syncSafely(Path folder) {
        try {
            sync(folder);
            Metrics.counter("semsearch.sync.runs", "outcome", "done").increment();
        } catch (RuntimeException e) {
            // the next round tries again; an exception would cancel the schedule
            LOG.errorf(e, "Syncing folder %s failed", folder);
            Metrics.counter("semsearch.sync.runs", "outcome", "failed").increment();
        }
    }

    /**
     * What a sync did. {@code skipped} counts the files that could not be read or extracted; {@code moved} the files
     * found under another path with the same bytes, whose documents took the new source without being indexed again.
     */
    public record SyncReport(int files, int created, int updated, int unchanged, int skipped, int deleted,
            int moved, boolean locked) {
    }

    /** Syncs the folder now, unless another replica is syncing it (then {@link SyncReport#locked()}). */
    public SyncReport sync(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            LOG.errorf("Folder %s (semsearch.ingest.directory) does not exist or is not a directory", root);
            return new SyncReport(0, 0, 0, 0, 0, 0, 0, false);
        }
        var lock = locks.tryLock(root.toString());
        if (lock.isEmpty()) {
            LOG.infof("Folder %s is being synced by another replica; skipped this round", root);
            return new SyncReport(0, 0, 0, 0, 0, 0, 0, true);
        }
        try (var held = lock.get()) {
            return Traces.span("semsearch.folder-sync", span -> {
                SyncReport report = syncLocked(root);
                span.setAttribute("files", report.files());
                span.setAttribute("created", report.created());
                span.setAttribute("updated", report.updated());
                span.setAttribute("skipped", report.skipped());
                span.setAttribute("deleted", report.deleted());
                span.setAttribute("moved", report.moved());
                count(report);
                return report;
            });
        }
    }

    private SyncReport syncLocked(Path root) {
        long started = System.nanoTime();
        String folderMark = mark(root);
        String mark = json(Map.of(FOLDER, folderMark));
        // read before the folder is listed: a file created meanwhile is not taken for deleted
        Map<String, String> stored = QuarkusTransaction.requiringNew()
                .call(() -> documents.sourcesWithMetadata(mark, FILE_SHA256));
        List<FolderListing.FolderFile> found = FolderListing.list(root);
        Counts counts = new Counts();
        IndexProgress progress = activity.start(IngestJob.Kind.FOLDER_SYNC, root.toString(), found.size());
        try {
            List<IndexRequest> batch = new ArrayList<>();
            Set<String> listed = new HashSet<>();
            found.forEach(file -> listed.add(sourceOf(root, file.path())));
            Round round = new Round(folderMark, mark, counts, progress, movedFiles(root, stored, listed));
            for (FolderListing.FolderFile file : found) {
                String source = sourceOf(root, file.path());
                IndexRequest request = requestFor(round, file, source, stored.get(source));
                if (request != null) {
                    batch.add(request);
                }
                if (batch.size() >= config.bulkDocuments()) {
                    indexBatch(root, batch, counts, progress);
                }
            }
            indexBatch(root, batch, counts, progress);
            for (String source : stored.keySet()) {
                if (!listed.contains(source) && !Files.exists(root.resolve(source))
                        && QuarkusTransaction.requiringNew().call(() -> documents.deleteBySourceWithMetadata(source,
                                mark))) {
                    counts.deleted++;
                }
            }
            hashes.forgetDeleted();
            refused.keySet().removeIf(path -> path.startsWith(root) && !Files.exists(path));
        } finally {
            progress.finish(); // a sync that fails is not left running in the status
        }
        LOG.infof("Synced folder %s in %.1f s: %d files, %d created, %d updated, %d unchanged, %d skipped,"
                + " %d deleted, %d moved", root, (System.nanoTime() - started) / 1e9, found.size(), counts.created,
                counts.updated, counts.unchanged, counts.skipped, counts.deleted, counts.moved);
        return new SyncReport(found.size(), counts.created, counts.updated, counts.unchanged, counts.skipped,
                counts.deleted, counts.moved, false);
    }

    private static void count(SyncReport report) {
        Map.of("created", report.created(), "updated", report.updated(), "unchanged", report.unchanged(),
                "skipped", report.skipped(), "deleted", report.deleted(), "moved", report.moved())
                .forEach((outcome, files) -> Metrics.counter("semsearch.sync.files", "outcome", outcome)
                        .increment(files));
    }

    /**
     * The request that indexes a file, or null when it is unchanged, moved or cannot be read or extracted (skipped):
     * each counted, and passed or failed in the progress.
     */
    private IndexRequest requestFor(Round round, FolderListing.FolderFile listed, String source,
            String storedSha256) {
        Path file = listed.path();
        Path real = listed.real();
        Counts counts = round.counts();
        IndexProgress progress = round.progress();
        String sha256;
        try {
            sha256 = hashes.sha256(real);
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Skipping %s: cannot read it (%s)", file, e.getMessage());
            counts.skipped++;
            progress.fail(source, "cannot read it");
            return null;
        }
        if (sha256 == null) {
            String tooLarge = "larger than " + maxFileBytes + " bytes: " + size(file);
            if (!tooLarge.equals(refused.put(file, tooLarge))) {
                LOG.warnf("Skipping %s: %s bytes, the limit is %d (semsearch.extraction.max-size)", file,
                        size(file), maxFileBytes);
            }
            counts.skipped++;
            progress.fail(source, "over the size limit (semsearch.extraction.max-size)");
            return null;
        }
        if (sha256.equals(storedSha256)) {
            counts.unchanged++;
            progress.pass(1);
            return null;
        }
        String movedFrom = storedSha256 == null ? round.missingByHash().remove(sha256) : null;
        if (movedFrom != null && QuarkusTransaction.requiringNew().call(() -> documents.moveSourceWithMetadata(
                movedFrom, source, round.mark(), json(Map.of(PATH, source))))) {
            LOG.debugf("%s moved to %s: its document keeps its chunks", movedFrom, source);
            counts.moved++;
            progress.pass(1);
            return null;
        }
        if (sha256.equals(refused.get(file))) {
            counts.skipped++;
            progress.fail(source, "refused at an earlier sync and unchanged since (the log says why)");
            return null;
        }
        try {
            ExtractedDocument extracted = files.extract(real, file.getFileName().toString(), null);
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put(PATH, source);
            metadata.put(FOLDER, round.folderMark());
            metadata.put(FILE_SHA256, sha256);
            refused.remove(file);
            return FileIngestService.request(extracted, new FileToIndex(real, file.getFileName().toString(), null,
                    source, null, metadata, null), config.language());
        } catch (ExtractionException e) {
            refused.put(file, sha256);
            LOG.warnf("Skipping %s: %s (%d %s)", file, e.getMessage(), e.status(), e.title());
            progress.fail(source, e.title() + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            LOG.warnf("Skipping %s: cannot read it (%s)", file, e.getMessage());
            progress.fail(source, "cannot read it");
        }
        counts.skipped++;
        return null;
    }

    /** A group at once; when it fails (one text with nothing to index...), its documents one by one. */
    private void indexBatch(Path root, List<IndexRequest> batch, Counts counts, IndexProgress progress) {
        if (batch.isEmpty()) {
            return;
        }
        List<IndexResult> results;
        try {
            results = ingest.indexAll(batch);
        } catch (RuntimeException groupFailure) {
            results = new ArrayList<>();
            for (IndexRequest request : batch) {
                try {
                    results.add(ingest.index(request));
                } catch (RuntimeException e) {
                    LOG.warnf("Skipping %s: %s", request.metadata().get(PATH), e.getMessage());
                    progress.fail(request.source(), e.getMessage());
                    refused.put(root.resolve((String) request.metadata().get(PATH)),
                            (String) request.metadata().get(FILE_SHA256));
                    counts.skipped++;
                }
            }
        }
        for (IndexResult result : results) {
            switch (result.status()) {
                case CREATED -> counts.created++;
                case UPDATED -> counts.updated++;
                case UNCHANGED -> counts.unchanged++;
            }
        }
        progress.add(results);
        batch.clear();
    }

    /**
     * The stored sources whose files are gone, by their files' hash: a new file with one of these hashes is one of
     * them moved.
     */
    private static Map<String, String> movedFiles(Path root, Map<String, String> stored, Set<String> listed) {
        Map<String, String> missingByHash = new HashMap<>();
        stored.forEach((source, sha256) -> {
            if (sha256 != null && !listed.contains(source) && !Files.exists(root.resolve(source))) {
                missingByHash.putIfAbsent(sha256, source);
            }
        });
        return missingByHash;
    }

    /** What one sync carries from file to file. */
    private record Round(String folderMark, String mark, Counts counts, IndexProgress progress,
            Map<String, String> missingByHash) {
    }

    /** The mark of the documents of the folder: the same for replicas mounting it at the same path. */
    static String mark(Path root) {
        return Sha256.hex(root.toString()).substring(0, 16);
    }

    static String sourceOf(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String json(Map<String, Object> pairs) {
        try {
            return JSON.writeValueAsString(pairs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Counts {
        int created;
        int updated;
        int unchanged;
        int skipped;
        int deleted;
        int moved;
    }
}
