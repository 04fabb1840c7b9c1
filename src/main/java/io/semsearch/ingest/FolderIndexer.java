package io.semsearch.ingest;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Indexes the {@code .txt} and {@code .md} files of {@code semsearch.ingest.directory} at start, in the background, in
 * groups of {@code semsearch.ingest.bulk-documents}, with progress logs. A file's source is its path relative to the
 * folder.
 */
@Singleton
public class FolderIndexer {

    static final int ORDER = SampleCorpus.ORDER + 10;
    private static final Logger LOG = Logger.getLogger(FolderIndexer.class);

    private final IngestService ingest;
    private final IngestConfig config;
    private final ManagedExecutor executor;

    public FolderIndexer(IngestService ingest, IngestConfig config, ManagedExecutor executor) {
        this.ingest = ingest;
        this.config = config;
        this.executor = executor;
    }

    void onStart(@Observes @Priority(ORDER) StartupEvent event) {
        config.directory().ifPresent(folder -> executor.runAsync(() -> indexFolder(folder)));
    }

    /** Indexes the folder's files; the number of documents indexed (created, updated or unchanged). */
    int indexFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md"))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf(e, "Cannot list %s", folder);
            return 0;
        }
        IndexProgress progress = new IndexProgress("folder " + folder, files.size());
        int indexed = 0;
        for (int from = 0; from < files.size(); from += config.bulkDocuments()) {
            List<IndexRequest> batch = new ArrayList<>();
            for (Path file : files.subList(from, Math.min(files.size(), from + config.bulkDocuments()))) {
                try {
                    batch.add(new IndexRequest(folder.relativize(file).toString(), null,
                            Files.readString(file, StandardCharsets.UTF_8), Map.of("path", file.toString())));
                } catch (IOException | UncheckedIOException e) {
                    LOG.warnf("Skipping %s: %s", file, e.getMessage());
                }
            }
            List<IndexResult> results = indexGroup(batch);
            progress.add(results);
            indexed += results.size();
        }
        progress.finish();
        return indexed;
    }

    /** A group at once; when it fails (one file with nothing to index...), its files one by one. */
    private List<IndexResult> indexGroup(List<IndexRequest> group) {
        try {
            return ingest.indexAll(group);
        } catch (RuntimeException groupFailure) {
            List<IndexResult> results = new ArrayList<>();
            for (IndexRequest request : group) {
                try {
                    results.add(ingest.index(request));
                } catch (RuntimeException e) {
                    LOG.warnf("Skipping %s: %s", request.source(), e.getMessage());
                }
            }
            return results;
        }
    }
}
