package io.semsearch.ingest;

import io.semsearch.document.SentenceVectors;
import io.semsearch.embedding.Embedder;
import io.semsearch.embedding.PassageEmbedding;
import io.semsearch.embedding.PassageText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The second step of indexing: the chunks of prepared texts embedded, each with its sentences, in groups of about
 * {@code semsearch.ingest.embedding-group-chunks} chunks, so that a group can be written while the next one is
 * embedded.
 */
@ApplicationScoped
class ChunkEmbedding {

    private final Embedder embedder;
    private final IngestConfig config;
    /** Runs the embedding of the next group while the caller's thread writes the previous one. */
    private final Executor driver;

    @Inject
    ChunkEmbedding(Embedder embedder, IngestConfig config, ManagedExecutor executor) {
        this(embedder, config, (Executor) executor);
    }

    ChunkEmbedding(Embedder embedder, IngestConfig config, Executor driver) {
        this.embedder = embedder;
        this.config = config;
        this.driver = driver;
    }

    String modelName() {
        return embedder.modelName();
    }

    /** Consecutive texts of about {@code embedding-group-chunks} chunks each (all in one when 0). */
    List<List<PreparedText>> groups(List<PreparedText> prepared) {
        List<List<PreparedText>> groups = new ArrayList<>();
        int limit = config.embeddingGroupChunks() > 0 ? config.embeddingGroupChunks() : Integer.MAX_VALUE;
        List<PreparedText> group = new ArrayList<>();
        int chunks = 0;
        for (PreparedText p : prepared) {
            if (!group.isEmpty() && chunks + p.chunks().size() > limit) {
                groups.add(group);
                group = new ArrayList<>();
                chunks = 0;
            }
            group.add(p);
            chunks += p.chunks().size();
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /** A group's chunks embedded, in order: on another thread when writes overlap embedding, else right away. */
    CompletableFuture<List<EmbeddedChunk>> embedLater(List<PreparedText> group) {
        List<TextChunk> chunks = group.stream().flatMap(p -> p.chunks().stream()).toList();
        if (!config.overlapWrites()) {
            return CompletableFuture.completedFuture(embed(chunks));
        }
        return CompletableFuture.supplyAsync(() -> embed(chunks), driver);
    }

    List<EmbeddedChunk> embed(List<TextChunk> chunks) {
        List<PassageEmbedding> embedded = embedder.embedPassages(chunks.stream()
                .map(chunk -> new PassageText(chunk.text(), chunk.tokens(), chunk.sentences())).toList());
        List<EmbeddedChunk> result = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            result.add(new EmbeddedChunk(embedded.get(i).vector(),
                    new SentenceVectors(chunks.get(i).sentences(), embedded.get(i).sentenceVectors())));
        }
        return result;
    }
}
