package io.semsearch.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/** A passage of a document: {@code document.content.substring(start, end)} equals {@link #text}. */
@Entity
@Table(name = "chunk")
public class Chunk extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id", nullable = false)
    public Document document;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String text;

    @Column(name = "start_offset", nullable = false)
    public int start;

    @Column(name = "end_offset", nullable = false)
    public int end;

    @Column(name = "token_count", nullable = false)
    public int tokenCount;

    /** The chunk's vector; its dimension is the active model's (see {@link VectorColumnCheck}). */
    @JdbcTypeCode(SqlTypes.VECTOR)
    @Column(nullable = false)
    public float[] embedding;

    /** Start, end pairs into {@link #text}: the sentences that have a vector in {@link #sentenceEmbeddings}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sentence_spans")
    public int[] sentenceSpans;

    /**
     * See {@link SentenceVectors}; null, as {@link #sentenceSpans}, for chunks indexed before sentences had vectors
     * (such documents are re-embedded at start).
     */
    @Column(name = "sentence_embeddings")
    public byte[] sentenceEmbeddings;
}
