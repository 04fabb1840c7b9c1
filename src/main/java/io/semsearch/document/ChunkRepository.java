package io.semsearch.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
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
