package io.semsearch.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Documents; deleting one deletes its chunks (ON DELETE CASCADE). */
@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    public List<Document> listBySources(Collection<String> sources) {
        return list("source in ?1", sources);
    }

    public Optional<Document> findBySourceForUpdate(String source) {
        return find("source", source).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Documents whose vectors must be computed again: embedded by another model than the active one (vectors of two
     * models are not comparable), or with chunks stored before sentences had vectors.
     */
    public List<UUID> idsToReembed(String activeModel) {
        return getEntityManager().createQuery("""
                        select d.id from Document d
                        where d.embeddingModel <> :model
                           or exists (select 1 from Chunk c where c.document = d and c.sentenceEmbeddings is null)
                        order by d.createdAt""", UUID.class)
                .setParameter("model", activeModel)
                .getResultList();
    }
}
