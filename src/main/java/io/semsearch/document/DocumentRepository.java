package io.semsearch.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    public Optional<Document> findBySource(String source) {
        return find("source", source).firstResultOptional();
    }

    public Optional<Document> findBySourceForUpdate(String source) {
        return find("source", source).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** One page of documents, oldest first, each with its number of chunks. */
    public List<DocumentSummary> page(int page, int size) {
        return getEntityManager().createQuery("""
                        select new io.semsearch.document.DocumentSummary(d.id, d.source, d.title, d.language,
                            d.embeddingModel, (select count(c) from Chunk c where c.document = d),
                            d.metadata, d.createdAt, d.updatedAt)
                        from Document d order by d.createdAt, d.id""", DocumentSummary.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    public List<UUID> idsEmbeddedWithOtherModelThan(String model) {
        return getEntityManager()
                .createQuery("select d.id from Document d where d.embeddingModel <> :model order by d.createdAt", UUID.class)
                .setParameter("model", model)
                .getResultList();
    }

    /** Deletes a document; the database deletes its chunks. */
    public boolean deleteWithChunks(UUID id) {
        return delete("id", id) > 0;
    }
}
