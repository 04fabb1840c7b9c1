package io.semsearch.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.semsearch.document.DocumentRepository;
import io.semsearch.document.VectorColumnCheck;
import io.semsearch.embedding.EmbeddingService;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * At start, after the vector column check: documents whose vectors the active model did not make (the model changed)
 * or whose chunks lack sentence vectors (stored before they existed) are embedded again, since vectors of two models
 * are not comparable and answers read the sentence vectors.
 */
@Singleton
public class ModelChangeReembedding {

    static final int ORDER = VectorColumnCheck.ORDER + 10;
    private static final Logger LOG = Logger.getLogger(ModelChangeReembedding.class);

    private final IngestService ingest;
    private final IngestConfig config;
    private final EmbeddingService embedding;
    private final DocumentRepository documents;

    public ModelChangeReembedding(IngestService ingest, IngestConfig config, EmbeddingService embedding,
            DocumentRepository documents) {
        this.ingest = ingest;
        this.config = config;
        this.embedding = embedding;
        this.documents = documents;
    }

    void onStart(@Observes @Priority(ORDER) StartupEvent event) {
        run();
    }

    /** Re-embeds what needs it; the number of documents re-embedded. */
    int run() {
        String model = embedding.activeModel().name();
        List<UUID> stale = QuarkusTransaction.requiringNew().call(() -> documents.idsToReembed(model));
        if (stale.isEmpty()) {
            return 0;
        }
        if (!config.reembedOnModelChange()) {
            throw new IllegalStateException(stale.size() + " document(s) hold vectors of another model than '" + model
                    + "' or none for their sentences; set semsearch.ingest.reembed-on-model-change=true to "
                    + "re-embed them");
        }
        LOG.warnf("Re-embedding %d document(s) whose vectors come from another model than '%s' or lack sentence "
                + "vectors", stale.size(), model);
        stale.forEach(ingest::reembed);
        return stale.size();
    }
}
