package io.semsearch.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored API key: its salted hash, never the key itself. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** {@link Role#label()}. */
    @Column(nullable = false)
    public String role;

    /** The key's public part, which finds its row (see {@link KeyFormat}). */
    @Column(name = "lookup_id", nullable = false, unique = true)
    public String lookupId;

    @Column(nullable = false)
    public byte[] salt;

    /** SHA-256 of salt and key. */
    @Column(name = "key_hash", nullable = false)
    public byte[] keyHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Requests per second; null for the role's default. */
    @Column(name = "rate_limit")
    public Integer rateLimit;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;
}
