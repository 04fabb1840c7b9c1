package io.semsearch.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Reading (from the read datasource, possibly a replica a little behind) and deleting (on the primary) stored
 * documents. Indexing them is the ingest feature's.
 */
@ApplicationScoped
public class DocumentService {

    private final DocumentRepository documents;
    private final DocumentReadRepository reads;
    private final LexicalStatistics statistics;

    public DocumentService(DocumentRepository documents, DocumentReadRepository reads, LexicalStatistics statistics) {
        this.documents = documents;
        this.reads = reads;
        this.statistics = statistics;
    }

    /** A document with its chunks (without their vectors). */
    public StoredDocument get(UUID id) {
        return reads.find(id).orElseThrow(() -> DocumentNotFoundException.byId(id.toString()));
    }

    /** One page of documents, oldest first, and the number of documents in all; only {@code source}'s if not null. */
    public DocumentPage page(int page, int size, String source) {
        return reads.page(page, size, source);
    }

    /** The page after a cursor of the list (keyset pagination), without a count. */
    public DocumentPage pageAfter(DocumentCursor after, int size, String source) {
        return reads.pageAfter(after, size, source);
    }

    /** Deletes a document with its chunks. */
    @Transactional
    public void delete(UUID id) {
        if (!documents.deleteById(id)) {
            throw DocumentNotFoundException.byId(id.toString());
        }
        afterDelete();
    }

    /** Deletes the document of a source with its chunks; its id, to say which one went. */
    @Transactional
    public UUID deleteBySource(String source) {
        Document document = documents.findBySourceForUpdate(source)
                .orElseThrow(() -> DocumentNotFoundException.bySource(source));
        documents.delete(document);
        afterDelete();
        return document.id;
    }

    private void afterDelete() {
        documents.flush();
        statistics.foldQuietly(); // in this transaction: the statistics change as the chunks go
    }

    /** A stored document and the outline of its chunks. */
    public record StoredDocument(Document document, List<ChunkOutline> chunks) {
    }
}
