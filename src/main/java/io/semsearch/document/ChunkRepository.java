package io.semsearch.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ChunkRepository implements PanacheRepositoryBase<Chunk, UUID> {

    public List<Chunk> listByDocument(UUID documentId) {
        return list("document.id = ?1 order by ordinal", documentId);
    }

    public long deleteByDocument(UUID documentId) {
        return delete("document.id", documentId);
    }

    public long countByDocument(UUID documentId) {
        return count("document.id", documentId);
    }

    /**
     * The stored sentence vectors of the given chunks, in one query. Chunks without any (indexed before sentences had
     * vectors) are absent from the map.
     */
    @Transactional
    public Map<UUID, SentenceVectors> sentencesOf(Collection<UUID> chunkIds) {
        if (chunkIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery("""
                        select c.id, c.sentenceSpans, c.sentenceEmbeddings from Chunk c
                        where c.id in :ids and c.sentenceEmbeddings is not null""", Object[].class)
                .setParameter("ids", chunkIds)
                .getResultList();
        Map<UUID, SentenceVectors> sentences = new HashMap<>();
        for (Object[] row : rows) {
            sentences.put((UUID) row[0], SentenceVectors.decode((int[]) row[1], (byte[]) row[2]));
        }
        return sentences;
    }

    /** Dimension of the stored vector column, as declared in the schema. */
    public int storedVectorDimension() {
        Object type = getEntityManager().createNativeQuery("""
                select format_type(atttypid, atttypmod) from pg_attribute
                where attrelid = 'chunk'::regclass and attname = 'embedding'""").getSingleResult();
        String declared = String.valueOf(type);
        var matcher = java.util.regex.Pattern.compile("vector\\((\\d+)\\)").matcher(declared);
        if (!matcher.matches()) {
            throw new IllegalStateException("chunk.embedding has type " + declared + ", expected vector(n)");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
