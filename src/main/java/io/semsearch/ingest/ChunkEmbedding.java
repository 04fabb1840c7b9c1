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
import java.util.Map;
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

    /**
     * A group's chunks embedded, in order: on another thread when writes overlap embedding, else right away. The
     * chunks found in {@code reused} keep those vectors and are not embedded.
     */
    CompletableFuture<List<EmbeddedChunk>> embedLater(List<PreparedText> group, Map<TextChunk, EmbeddedChunk> reused) {
        List<TextChunk> chunks = group.stream().flatMap(p -> p.chunks().stream()).toList();
        if (!config.overlapWrites()) {
            return CompletableFuture.completedFuture(embed(chunks, reused));
        }
        return CompletableFuture.supplyAsync(() -> embed(chunks, reused), driver);
    }

    List<EmbeddedChunk> embed(List<TextChunk> chunks) {
        return embed(chunks, Map.of());
    }

    private List<EmbeddedChunk> embed(List<TextChunk> chunks, Map<TextChunk, EmbeddedChunk> reused) {
        List<TextChunk> toEmbed = chunks.stream().filter(chunk -> !reused.containsKey(chunk)).toList();
        List<PassageEmbedding> embedded = toEmbed.isEmpty() ? List.of() : embedder.embedPassages(toEmbed.stream()
                .map(chunk -> new PassageText(chunk.text(), chunk.tokens(), chunk.sentences())).toList());
        List<EmbeddedChunk> result = new ArrayList<>(chunks.size());
        int next = 0;
        for (TextChunk chunk : chunks) {
            EmbeddedChunk kept = reused.get(chunk);
            if (kept != null) {
                result.add(kept);
            } else {
                PassageEmbedding fresh = embedded.get(next++);
                result.add(new EmbeddedChunk(fresh.vector(),
                        new SentenceVectors(chunk.sentences(), fresh.sentenceVectors())));
            }
        }
        return result;
    }
}
