package io.semsearch.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Optional<ApiKey> findByLookupId(String lookupId) {
        return find("lookupId", lookupId).firstResultOptional();
    }

    public List<ApiKey> listOldestFirst() {
        return list("order by createdAt, id");
    }

    public void markUsed(UUID id, OffsetDateTime when) {
        update("lastUsedAt = ?1 where id = ?2", when, id);
    }

    /**
     * Serialises the first-start check between replicas starting at once (a transaction-scoped advisory lock), so
     * that only one of them creates the first key.
     */
    public void lockForBootstrap() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('semsearch.api_key.bootstrap'))")
                .getSingleResult();
    }
}
