package io.semsearch.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.semsearch.document.ChunkRepository;
import io.semsearch.document.DocumentRepository;
import io.semsearch.embedding.EmbeddingService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the store needs at start: a schema that fits the active model, no vectors of another model, and the sample
 * articles (when the store is empty) or a configured folder indexed.
 */
@Singleton
public class StartupIndexer {

    static final String SAMPLE_FOLDER = "sample-articles/";
    private static final Logger LOG = Logger.getLogger(StartupIndexer.class);

    private final IngestService ingest;
    private final IngestConfig config;
    private final EmbeddingService embedding;
    private final DocumentRepository documents;
    private final ChunkRepository chunks;
    private final ManagedExecutor executor;

    public StartupIndexer(IngestService ingest, IngestConfig config, EmbeddingService embedding,
            DocumentRepository documents, ChunkRepository chunks, ManagedExecutor executor) {
        this.ingest = ingest;
        this.config = config;
        this.embedding = embedding;
        this.documents = documents;
        this.chunks = chunks;
        this.executor = executor;
    }

    void onStart(@Observes StartupEvent event) {
        checkVectorDimension();
        reembedDocumentsOfOtherModels();
        if (config.sampleCorpus() && QuarkusTransaction.requiringNew().call(documents::count) == 0) {
            indexSampleArticles();
        }
        config.directory().ifPresent(folder -> executor.runAsync(() -> indexFolder(folder)));
    }

    private void checkVectorDimension() {
        int stored = QuarkusTransaction.requiringNew().call(chunks::storedVectorDimension);
        int model = embedding.activeModel().dimension();
        if (stored != model) {
            throw new IllegalStateException("The database stores vectors of " + stored + " dimensions but model '"
                    + embedding.activeModel().name() + "' makes " + model + ": use a model of " + stored
                    + " dimensions, or migrate chunk.embedding and re-index");
        }
    }

    private void reembedDocumentsOfOtherModels() {
        String model = embedding.activeModel().name();
        List<UUID> stale = QuarkusTransaction.requiringNew().call(() -> documents.idsEmbeddedWithOtherModelThan(model));
        if (stale.isEmpty()) {
            return;
        }
        if (!config.reembedOnModelChange()) {
            throw new IllegalStateException(stale.size() + " document(s) hold vectors of another model than '" + model
                    + "'; set semsearch.ingest.reembed-on-model-change=true to re-embed them");
        }
        LOG.warnf("Re-embedding %d document(s) whose vectors come from another model than '%s'", stale.size(), model);
        stale.forEach(ingest::reembed);
    }

    private void indexSampleArticles() {
        long started = System.nanoTime();
        List<IndexRequest> requests = new ArrayList<>();
        for (String name : resourceLines(SAMPLE_FOLDER + "INDEX")) {
            requests.add(new IndexRequest(name, null, resource(SAMPLE_FOLDER + name), Map.of("corpus", "sample")));
        }
        List<IndexResult> results = ingest.indexAll(requests);
        LOG.infof("Indexed %d sample articles (%d chunks) in %d ms", results.size(),
                results.stream().mapToInt(IndexResult::chunks).sum(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Indexes every .txt and .md file under a folder, its path relative to the folder as source. */
    void indexFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md"))
                    .sorted().toList();
        } catch (IOException e) {
            LOG.errorf(e, "Cannot list %s", folder);
            return;
        }
        IndexProgress progress = new IndexProgress("folder " + folder, files.size());
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
            try {
                progress.add(ingest.indexAll(batch));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Indexing files %d..%d of %s failed", from, from + batch.size(), folder);
            }
        }
        progress.finish();
    }

    private static List<String> resourceLines(String name) {
        return resource(name).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
