package io.semsearch.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The documents whose metadata hold all the given pairs (a JSON object, matched with {@code @>} on the metadata
     * index): their source and the metadata value of {@code key} (null when absent).
     */
    public Map<String, String> sourcesWithMetadata(String pairsJson, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select source, metadata ->> :key from document where metadata @> cast(:pairs as jsonb)""")
                .setParameter("key", key)
                .setParameter("pairs", pairsJson)
                .getResultList();
        Map<String, String> sources = new HashMap<>();
        for (Object[] row : rows) {
            sources.put((String) row[0], (String) row[1]);
        }
        return sources;
    }

    /**
     * Deletes the document of a source only while its metadata still hold all the given pairs (a JSON object); none
     * when it is gone or was indexed again without them. Its chunks go with it.
     */
    /**
     * Gives the document of a source another source and merges {@code metadataJson} into its metadata, if it carries
     * the pairs; its chunks and vectors stay as they are.
     */
    public boolean moveSourceWithMetadata(String source, String newSource, String pairsJson, String metadataJson) {
        return getEntityManager().createNativeQuery("""
                        update document set source = :newSource, metadata = metadata || cast(:metadata as jsonb),
                               updated_at = now()
                        where source = :source and metadata @> cast(:pairs as jsonb)""")
                .setParameter("source", source)
                .setParameter("newSource", newSource)
                .setParameter("pairs", pairsJson)
                .setParameter("metadata", metadataJson)
                .executeUpdate() > 0;
    }

    public boolean deleteBySourceWithMetadata(String source, String pairsJson) {
        return getEntityManager().createNativeQuery("""
                        delete from document where source = :source and metadata @> cast(:pairs as jsonb)""")
                .setParameter("source", source)
                .setParameter("pairs", pairsJson)
                .executeUpdate() > 0;
    }
}
