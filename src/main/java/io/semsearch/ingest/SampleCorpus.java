package io.semsearch.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.semsearch.common.ClasspathResources;
import io.semsearch.document.DocumentRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * The five sample articles shipped with the service, indexed at start when the store holds no document
 * ({@code semsearch.ingest.sample-corpus}), with {@code corpus: sample} as metadata. They are French: their language
 * is given, not detected.
 */
@Singleton
public class SampleCorpus {

    static final String FOLDER = "sample-articles/";
    static final int ORDER = ModelChangeReembedding.ORDER + 10;
    private static final Logger LOG = Logger.getLogger(SampleCorpus.class);

    private final IngestService ingest;
    private final IngestConfig config;
    private final DocumentRepository documents;

    public SampleCorpus(IngestService ingest, IngestConfig config, DocumentRepository documents) {
        this.ingest = ingest;
        this.config = config;
        this.documents = documents;
    }

    void onStart(@Observes @Priority(ORDER) StartupEvent event) {
        if (config.sampleCorpus() && QuarkusTransaction.requiringNew().call(documents::count) == 0) {
            long started = System.nanoTime();
            List<IndexResult> results = ingest.indexAll(requests());
            LOG.infof("Indexed %d sample articles (%d chunks) in %d ms", results.size(),
                    results.stream().mapToInt(IndexResult::chunks).sum(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The sample articles as index requests, in the order of the folder's INDEX file. */
    public static List<IndexRequest> requests() {
        return ClasspathResources.lines(FOLDER + "INDEX").stream()
                .map(name -> new IndexRequest(name, null, ClasspathResources.text(FOLDER + name),
                        Map.of("corpus", "sample"), "fr"))
                .toList();
    }
}
