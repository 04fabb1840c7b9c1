package io.semsearch.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The passage store of the service, in PostgreSQL: documents and chunks are written through their entities on the
 * primary, each document with its chunks in one transaction, so that a half-written document is never visible;
 * retrieval reads the read datasource ({@link PostgresRetrievers}).
 */
@ApplicationScoped
public class PostgresPassageStore implements PassageStore {

    private final PostgresRetrievers retrievers;
    private final DocumentRepository documents;
    private final ChunkRepository chunks;
    private final LexicalStatistics statistics;

    PostgresPassageStore(PostgresRetrievers retrievers, DocumentRepository documents, ChunkRepository chunks,
            LexicalStatistics statistics) {
        this.retrievers = retrievers;
        this.documents = documents;
        this.chunks = chunks;
        this.statistics = statistics;
    }

    @Override
    public List<ScoredPassage> dense(float[] query, int limit, PassageFilter filter, int efSearch) {
        return retrievers.dense(query, limit, filter, efSearch);
    }

    @Override
    public List<ScoredPassage> lexical(String text, int limit, PassageFilter filter, Bm25 bm25) {
        return retrievers.lexical(text, limit, filter, bm25);
    }

    @Override
    public List<StoredPassage> passages(Collection<UUID> ids, float[] queryVector, boolean withSentences) {
        return retrievers.passages(ids, queryVector, withSentences);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateSourceException("Another writer created the same source meanwhile", e);
            }
            throw e;
        }
    }

    @Override
    public Map<String, StoredText> findBySources(Collection<String> sources) {
        return documents.listBySources(sources).stream().map(PostgresPassageStore::stored)
                .collect(Collectors.toMap(StoredText::source, Function.identity()));
    }

    @Override
    public Optional<StoredText> find(UUID id) {
        return documents.findByIdOptional(id).map(PostgresPassageStore::stored);
    }

    @Override
    public Optional<StoredText> lockBySource(String source) {
        return documents.findBySourceForUpdate(source).map(PostgresPassageStore::stored);
    }

    @Override
    public UUID write(TextToWrite text) {
        Document document;
        if (text.id() == null) {
            document = new Document();
            document.source = text.source();
            document.createdAt = now();
        } else {
            chunks.deleteByDocument(text.id());
            document = documents.findById(text.id());
        }
        document.title = text.title();
        document.content = text.content();
        document.contentSha256 = text.contentSha256();
        document.language = text.language();
        if (text.metadata() != null) {
            document.metadata = text.metadata();
        }
        document.embeddingModel = text.embeddingModel();
        document.updatedAt = now();
        documents.persist(document);
        documents.flush(); // before the chunks: their text search configuration is read from the document's language
        for (TextToWrite.PassageToWrite passage : text.passages()) {
            Chunk chunk = new Chunk();
            chunk.document = document;
            chunk.ordinal = passage.ordinal();
            chunk.start = passage.start();
            chunk.end = passage.end();
            chunk.text = passage.text();
            chunk.tokenCount = passage.tokenCount();
            chunk.embedding = passage.vector();
            chunk.sentenceSpans = passage.sentences().flatSpans();
            chunk.sentenceEmbeddings = passage.sentences().encodedVectors();
            chunks.persist(chunk);
        }
        return document.id;
    }

    @Override
    public void updateDetails(UUID id, String title, Map<String, Object> metadata, String language) {
        Document document = documents.findById(id);
        if (title != null) {
            document.title = title;
        }
        if (metadata != null) {
            document.metadata = metadata;
        }
        if (language != null) {
            document.language = language;
        }
        document.updatedAt = now();
    }

    @Override
    public int countPassages(UUID documentId) {
        return (int) chunks.countByDocument(documentId);
    }

    @Override
    public Map<String, PassageVectors> passageVectors(UUID documentId) {
        return chunks.listByDocument(documentId).stream().collect(Collectors.toMap(chunk -> chunk.text,
                chunk -> new PassageVectors(chunk.embedding,
                        SentenceVectors.decode(chunk.sentenceSpans, chunk.sentenceEmbeddings)),
                (first, repeated) -> first));
    }

    @Override
    public void refreshStatistics() {
        statistics.foldQuietly();
    }

    private static StoredText stored(Document document) {
        return new StoredText(document.id, document.source, document.title, document.content,
                document.contentSha256, document.language, document.metadata, document.embeddingModel);
    }

    /** A unique-key violation, raised at flush or, wrapped in a rollback, at commit. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof ConstraintViolationException violation && "23505".equals(violation.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
