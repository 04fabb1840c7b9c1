package io.semsearch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.semsearch.document.DuplicateSourceException;
import io.semsearch.document.PassageStore;
import io.semsearch.document.StoredText;
import io.semsearch.document.TextToWrite;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * The last step of indexing: each document written with its chunks in a transaction of its own, so that a
 * half-indexed document is never visible, after deciding again under its row lock what the request changes (a
 * concurrent request may have stored the same text meanwhile).
 */
@ApplicationScoped
class DocumentWriter {

    private static final Logger LOG = Logger.getLogger(DocumentWriter.class);

    private final PassageStore store;
    private final Counter indexedDocuments;
    private final Counter indexedChunks;

    DocumentWriter(PassageStore store, MeterRegistry registry) {
        this.store = store;
        this.indexedDocuments = Counter.builder("semsearch.indexed.documents")
                .description("Documents created or updated").register(registry);
        this.indexedChunks = Counter.builder("semsearch.indexed.chunks")
                .description("Chunks written").register(registry);
    }

    /** Writes a prepared, embedded text in its own transaction; once more when its source was created meanwhile. */
    IndexResult store(PreparedText prepared, List<EmbeddedChunk> embedded, String model) {
        try {
            return store.inTransaction(() -> write(prepared, embedded, model));
        } catch (DuplicateSourceException e) {
            // Another replica created the same source meanwhile: decide again against its row.
            LOG.debugf("Concurrent creation of '%s', retrying as an update", prepared.request().source());
            return store.inTransaction(() -> write(prepared, embedded, model));
        }
    }

    /**
     * Writes a new title, metadata or language of a stored text in its own transaction, decided again under the row
     * lock; null when a concurrent request changed or deleted the text meanwhile, so that it must be indexed whole.
     */
    IndexResult storeDetails(IndexRequest request, String sha256, String model) {
        return store.inTransaction(() -> {
            StoredText document = store.lockBySource(request.source()).orElse(null);
            return switch (Change.of(document, sha256, model, request)) {
                case NONE -> unchanged(document);
                case DETAILS -> updateDetails(document, request);
                case NEW, CONTENT -> null;
            };
        });
    }

    /** What indexing an unchanged text answers, read in its own transaction. */
    IndexResult unchangedNow(StoredText document) {
        return store.inTransaction(() -> unchanged(document));
    }

    /**
     * Writes a prepared text under its row lock, unless a concurrent request already stored what it says; null when
     * the text to embed again was deleted meanwhile.
     */
    private IndexResult write(PreparedText prepared, List<EmbeddedChunk> embedded, String model) {
        IndexRequest request = prepared.request();
        StoredText document = store.lockBySource(request.source()).orElse(null);
        if (prepared.reembed() && document == null) {
            return null;
        }
        Change change = prepared.reembed() ? Change.CONTENT : Change.of(document, prepared.sha256(), model, request);
        switch (change) {
            case NONE:
                return unchanged(document);
            case DETAILS:
                return updateDetails(document, request);
            default:
                break;
        }
        List<TextToWrite.PassageToWrite> passages = new ArrayList<>(prepared.chunks().size());
        for (int i = 0; i < prepared.chunks().size(); i++) {
            TextChunk chunk = prepared.chunks().get(i);
            passages.add(new TextToWrite.PassageToWrite(chunk.ordinal(), chunk.start(), chunk.end(), chunk.text(),
                    chunk.tokenCount(), embedded.get(i).vector(), embedded.get(i).sentences()));
        }
        String title = prepared.title();
        var id = store.write(new TextToWrite(document == null ? null : document.id(), request.source(), title,
                prepared.content(), prepared.sha256(), prepared.language(), request.metadata(), model, passages));
        indexedDocuments.increment();
        indexedChunks.increment(passages.size());
        return new IndexResult(id, request.source(), title, passages.size(), change.status());
    }

    private IndexResult updateDetails(StoredText document, IndexRequest request) {
        store.updateDetails(document.id(), request.title(), request.metadata(), request.language());
        indexedDocuments.increment();
        return new IndexResult(document.id(), document.source(),
                request.title() != null ? request.title() : document.title(), store.countPassages(document.id()),
                IndexStatus.UPDATED);
    }

    private IndexResult unchanged(StoredText document) {
        return new IndexResult(document.id(), document.source(), document.title(),
                store.countPassages(document.id()), IndexStatus.UNCHANGED);
    }
}
