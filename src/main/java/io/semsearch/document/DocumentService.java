package io.semsearch.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Reading and deleting stored documents. Indexing them is the ingest feature's. */
@ApplicationScoped
@Transactional
public class DocumentService {

    private final DocumentRepository documents;
    private final ChunkRepository chunks;

    public DocumentService(DocumentRepository documents, ChunkRepository chunks) {
        this.documents = documents;
        this.chunks = chunks;
    }

    /** A document with its chunks (without their vectors). */
    public StoredDocument get(UUID id) {
        Document document = documents.findByIdOptional(id)
                .orElseThrow(() -> new DocumentNotFoundException(id.toString()));
        return new StoredDocument(document, chunks.outlinesOf(id));
    }

    /** One page of documents, oldest first, and the number of documents in all. */
    public DocumentPage page(int page, int size) {
        return new DocumentPage(documents.page(page, size), page, size, documents.count());
    }

    /** Deletes a document with its chunks. */
    public void delete(UUID id) {
        if (!documents.deleteById(id)) {
            throw new DocumentNotFoundException(id.toString());
        }
    }

    /** A stored document and the outline of its chunks. */
    public record StoredDocument(Document document, List<ChunkOutline> chunks) {
    }
}
