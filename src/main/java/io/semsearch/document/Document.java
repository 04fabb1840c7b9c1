package io.semsearch.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** An indexed text and its cleaned content; its {@link Chunk}s are deleted with it (ON DELETE CASCADE). */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    /** Caller's identifier of the text (file name, URL...), unique: indexing it again updates this document. */
    @Column(nullable = false, unique = true)
    public String source;

    @Column(nullable = false)
    public String title;

    /** The cleaned text; chunk offsets point into it. */
    @Column(nullable = false)
    public String content;

    /** sha256 of the text as submitted, before cleaning: the same text again is a no-op. */
    @Column(name = "content_sha256", nullable = false, length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    public String contentSha256;

    @Column(nullable = false)
    public String language;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> metadata = new HashMap<>();

    /** Model whose vectors the chunks hold: vectors of different models are not comparable. */
    @Column(name = "embedding_model", nullable = false)
    public String embeddingModel;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
