package io.semsearch.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChunkRepository implements PanacheRepositoryBase<Chunk, UUID> {

    public long deleteByDocument(UUID documentId) {
        return delete("document.id", documentId);
    }

    public long countByDocument(UUID documentId) {
        return count("document.id", documentId);
    }

    public List<Chunk> listByDocument(UUID documentId) {
        return list("document.id", Sort.by("ordinal"), documentId);
    }

    /** Dimension of the vector column as declared in the schema (pgvector keeps it as the type modifier). */
    public int vectorColumnDimension() {
        return ((Number) getEntityManager().createNativeQuery("""
                select atttypmod from pg_attribute
                where attrelid = 'chunk'::regclass and attname = 'embedding'""").getSingleResult()).intValue();
    }

    /** Declares another dimension for the vector column (and rebuilds its index); only for an empty table. */
    public void changeVectorColumnDimension(int dimension) {
        getEntityManager().createNativeQuery("lock table chunk in access exclusive mode").executeUpdate();
        if (count() > 0) {
            throw new IllegalStateException("The chunk table is not empty: its vectors cannot change dimension");
        }
        getEntityManager().createNativeQuery("alter table chunk alter column embedding type vector("
                + Math.max(1, dimension) + ")").executeUpdate();
    }
}
