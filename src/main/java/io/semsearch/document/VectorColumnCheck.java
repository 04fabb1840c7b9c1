package io.semsearch.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.semsearch.embedding.ActiveModel;
import io.semsearch.embedding.EmbeddingService;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * At start, before anything is indexed: the vector column must hold vectors of the active model's dimension, the one
 * place that dimension is declared (its descriptor). An empty store is adapted to the model; a store holding vectors
 * of another dimension makes the start fail, since they cannot be compared with the model's.
 */
@Singleton
public class VectorColumnCheck {

    /** Start-up order of the store's checks and loads: this check first. */
    public static final int ORDER = 10;

    private static final Logger LOG = Logger.getLogger(VectorColumnCheck.class);

    private final ChunkRepository chunks;
    private final EmbeddingService embedding;

    public VectorColumnCheck(ChunkRepository chunks, EmbeddingService embedding) {
        this.chunks = chunks;
        this.embedding = embedding;
    }

    void onStart(@Observes @Priority(ORDER) StartupEvent event) {
        check();
    }

    void check() {
        ActiveModel model = embedding.activeModel();
        QuarkusTransaction.requiringNew().run(() -> {
            int declared = chunks.vectorColumnDimension();
            switch (decide(declared, model.dimension(), chunks.count())) {
                case FITS -> {
                }
                case ADAPT -> {
                    LOG.infof("The store is empty: its vector column changes from %d to %d dimensions for model '%s'",
                            declared, model.dimension(), model.name());
                    chunks.changeVectorColumnDimension(model.dimension());
                }
                case REFUSE -> throw new IllegalStateException("The database stores vectors of " + declared
                        + " dimensions but model '" + model.name() + "' makes " + model.dimension()
                        + ": use a model of " + declared + " dimensions, or delete the documents and start again");
            }
        });
    }

    enum Decision { FITS, ADAPT, REFUSE }

    static Decision decide(int declaredDimension, int modelDimension, long storedChunks) {
        if (declaredDimension == modelDimension) {
            return Decision.FITS;
        }
        return storedChunks == 0 ? Decision.ADAPT : Decision.REFUSE;
    }
}
