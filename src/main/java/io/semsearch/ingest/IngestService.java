package io.semsearch.ingest;

import io.semsearch.common.Sha256;
import io.semsearch.common.Futures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.semsearch.document.PassageStore;
import io.semsearch.document.PassageVectors;
import io.semsearch.document.StoredText;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Indexes texts in three steps: {@link TextPreparation} cleans and chunks them (each chunk with its sentences),
 * {@link ChunkEmbedding} embeds each chunk and, from the same forward pass, each of its sentences, outside any
 * transaction (a chunk that a changed document already had keeps its stored vectors), and {@link DocumentWriter}
 * stores each document with its chunks in one transaction.
 */
@ApplicationScoped
public class IngestService {

    private final TextPreparation preparation;
    private final ChunkEmbedding embedding;
    private final DocumentWriter writer;
    private final PassageStore store;
    private final Counter reusedChunks;

    IngestService(TextPreparation preparation, ChunkEmbedding embedding, DocumentWriter writer, PassageStore store,
            MeterRegistry registry) {
        this.preparation = preparation;
        this.embedding = embedding;
        this.writer = writer;
        this.store = store;
        this.reusedChunks = Counter.builder("semsearch.ingest.chunks.reused")
                .description("Chunks of changed documents that kept their stored vectors instead of being embedded")
                .register(registry);
    }

    public IndexResult index(IndexRequest request) {
        return indexAll(List.of(request)).get(0);
    }

    /**
     * Indexes several texts with their chunks embedded together (fewer, fuller forward passes); each document is
     * still stored in its own transaction. Results come in request order. Sources must be distinct.
     */
    public List<IndexResult> indexAll(List<IndexRequest> requests) {
        requests.forEach(preparation::checkSize);
        String model = embedding.modelName();
        Map<String, StoredText> stored = store.inTransaction(
                () -> store.findBySources(requests.stream().map(IndexRequest::source).toList()));
        IndexResult[] results = new IndexResult[requests.size()];
        List<PreparedText> toEmbed = new ArrayList<>();
        Change[] changes = new Change[requests.size()];
        String[] hashes = new String[requests.size()];
        // every text is cleaned and chunked before the first write: one with nothing to index refuses the whole
        // request (422) while nothing is changed yet
        for (int i = 0; i < requests.size(); i++) {
            IndexRequest request = requests.get(i);
            hashes[i] = Sha256.hex(request.text());
            changes[i] = Change.of(stored.get(request.source()), hashes[i], model, request);
            if (changes[i] == Change.NEW || changes[i] == Change.CONTENT) {
                toEmbed.add(preparation.prepare(i, request, hashes[i]));
            }
        }
        boolean detailsWritten = false;
        for (int i = 0; i < requests.size(); i++) {
            IndexRequest request = requests.get(i);
            if (changes[i] == Change.NONE) {
                results[i] = writer.unchangedNow(stored.get(request.source()));
            } else if (changes[i] == Change.DETAILS) {
                results[i] = writer.storeDetails(request, hashes[i], model);
                if (results[i] == null) {
                    toEmbed.add(preparation.prepare(i, request, hashes[i]));
                } else {
                    detailsWritten = true; // a new language changes the chunks' text search configuration
                }
            }
        }
        embedAndStore(toEmbed, model, results, reusableVectors(toEmbed, stored, model));
        if (!toEmbed.isEmpty() || detailsWritten) {
            store.refreshStatistics();
        }
        return List.of(results);
    }

    /**
     * Chunks and embeds a stored document again with the active model, keeping its id, source, title, metadata and
     * hash (after a model change, or for chunks stored before sentences had vectors).
     */
    public void reembed(UUID documentId) {
        StoredText stored = store.inTransaction(() -> store.find(documentId)).orElse(null);
        if (stored == null) {
            return;
        }
        PreparedText prepared = preparation.again(stored);
        writer.store(prepared, embedding.embed(prepared.chunks()), embedding.modelName());
        store.refreshStatistics();
    }

    /**
     * The chunks of changed texts whose text and sentences a stored passage of the same document has, embedded by the
     * same model: they keep its vectors, so that an edit re-embeds only the chunks it touched.
     */
    private Map<TextChunk, EmbeddedChunk> reusableVectors(List<PreparedText> toEmbed, Map<String, StoredText> stored,
            String model) {
        Map<TextChunk, EmbeddedChunk> reused = new IdentityHashMap<>();
        for (PreparedText prepared : toEmbed) {
            StoredText document = stored.get(prepared.request().source());
            if (document == null || !model.equals(document.embeddingModel())) {
                continue;
            }
            Map<String, PassageVectors> vectors = store.inTransaction(() -> store.passageVectors(document.id()));
            for (TextChunk chunk : prepared.chunks()) {
                PassageVectors kept = vectors.get(chunk.text());
                if (kept != null && kept.sentences().spans().equals(chunk.sentences())) {
                    reused.put(chunk, new EmbeddedChunk(kept.vector(), kept.sentences()));
                }
            }
        }
        if (!reused.isEmpty()) {
            reusedChunks.increment(reused.size());
        }
        return reused;
    }

    /** Groups of texts, embedded one after the other; a group is written while the next one is embedded. */
    private void embedAndStore(List<PreparedText> toEmbed, String model, IndexResult[] results,
            Map<TextChunk, EmbeddedChunk> reused) {
        List<List<PreparedText>> groups = embedding.groups(toEmbed);
        CompletableFuture<List<EmbeddedChunk>> next = groups.isEmpty() ? null
                : embedding.embedLater(groups.get(0), reused);
        for (int g = 0; g < groups.size(); g++) {
            List<EmbeddedChunk> embedded = Futures.join(next);
            if (g + 1 < groups.size()) {
                next = embedding.embedLater(groups.get(g + 1), reused);
            }
            int from = 0;
            for (PreparedText prepared : groups.get(g)) {
                List<EmbeddedChunk> own = embedded.subList(from, from + prepared.chunks().size());
                from += prepared.chunks().size();
                results[prepared.position()] = writer.store(prepared, own, model);
            }
        }
    }
}
