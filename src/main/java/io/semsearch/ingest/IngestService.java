package io.semsearch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.semsearch.common.PayloadTooLargeException;
import io.semsearch.document.Chunk;
import io.semsearch.document.ChunkRepository;
import io.semsearch.document.Document;
import io.semsearch.document.DocumentRepository;
import io.semsearch.document.SentenceVectors;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.embedding.PassageEmbedding;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Indexes texts: clean, chunk, embed (each chunk and, from the same forward pass, each of its sentences), then store
 * each document with its chunks in one transaction, so that a half-indexed document is never visible. The slow part
 * (embedding) runs outside any transaction.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final TextCleaner cleaner;
    private final SentenceChunker chunker;
    private final SentenceSegmenter segmenter;
    private final EmbeddingService embedding;
    private final DocumentRepository documents;
    private final ChunkRepository chunks;
    private final IngestConfig config;
    private final Counter indexedDocuments;
    private final Counter indexedChunks;

    public IngestService(TextCleaner cleaner, SentenceChunker chunker, SentenceSegmenter segmenter,
            EmbeddingService embedding, DocumentRepository documents, ChunkRepository chunks, IngestConfig config,
            MeterRegistry registry) {
        this.cleaner = cleaner;
        this.chunker = chunker;
        this.segmenter = segmenter;
        this.embedding = embedding;
        this.documents = documents;
        this.chunks = chunks;
        this.config = config;
        this.indexedDocuments = Counter.builder("semsearch.indexed.documents")
                .description("Documents created or updated").register(registry);
        this.indexedChunks = Counter.builder("semsearch.indexed.chunks")
                .description("Chunks written").register(registry);
    }

    public IndexResult index(IndexRequest request) {
        return indexAll(List.of(request)).get(0);
    }

    /**
     * Indexes several texts with their chunks embedded together (fewer, fuller forward passes); each document is
     * still stored in its own transaction. Results come in request order.
     */
    public List<IndexResult> indexAll(List<IndexRequest> requests) {
        IndexResult[] results = new IndexResult[requests.size()];
        List<Prepared> toEmbed = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            IndexRequest request = checked(requests.get(i));
            String sha256 = sha256(request.text());
            Optional<IndexResult> unchangedText = updateIfOnlyDetailsChanged(request, sha256);
            if (unchangedText.isPresent()) {
                results[i] = unchangedText.get();
            } else {
                toEmbed.add(prepare(i, request, sha256));
            }
        }
        List<EmbeddedChunk> embedded = embed(toEmbed.stream().flatMap(p -> p.chunks.stream()).toList());
        int next = 0;
        for (Prepared prepared : toEmbed) {
            List<EmbeddedChunk> own = embedded.subList(next, next + prepared.chunks.size());
            next += prepared.chunks.size();
            results[prepared.position] = store(prepared, own);
        }
        return List.of(results);
    }

    /** Re-chunks and re-embeds a stored document with the active model, keeping its id, source and hash. */
    public void reembed(UUID documentId) {
        Document stored = QuarkusTransaction.requiringNew().call(() -> documents.findById(documentId));
        if (stored == null) {
            return;
        }
        Prepared prepared = new Prepared(0, new IndexRequest(stored.source, stored.title, stored.content,
                stored.metadata), stored.contentSha256, stored.title, stored.content,
                chunker.chunk(stored.content));
        store(prepared, embed(prepared.chunks));
    }

    /**
     * The chunks' vectors and their sentences' vectors, from the same forward passes. The sentences are those the
     * answer generator finds in the chunk text, hence the same segmentation of the chunk text alone.
     */
    private List<EmbeddedChunk> embed(List<TextChunk> textChunks) {
        List<String> texts = textChunks.stream().map(TextChunk::text).toList();
        List<List<TextSpan>> sentences = texts.stream().map(segmenter::sentences).toList();
        List<PassageEmbedding> embedded = embedding.embedPassagesWithSentences(texts, sentences);
        List<EmbeddedChunk> result = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            result.add(new EmbeddedChunk(embedded.get(i).vector(),
                    SentenceVectors.of(sentences.get(i), embedded.get(i).spanVectors())));
        }
        return result;
    }

    private IndexRequest checked(IndexRequest request) {
        Objects.requireNonNull(request.source(), "source");
        Objects.requireNonNull(request.text(), "text");
        long bytes = request.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxTextBytes()) {
            throw new PayloadTooLargeException("The text of '" + request.source() + "' has " + bytes
                    + " bytes; the limit is " + config.maxTextBytes() + " (semsearch.ingest.max-text-bytes)");
        }
        return request;
    }

    /**
     * When the stored document has the same text, embedded by the active model, no chunk needs recomputing:
     * only a changed title or metadata is written.
     */
    private Optional<IndexResult> updateIfOnlyDetailsChanged(IndexRequest request, String sha256) {
        String model = embedding.activeModel().name();
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Document> existing = documents.findBySource(request.source());
            if (existing.isEmpty() || !existing.get().contentSha256.equals(sha256)
                    || !existing.get().embeddingModel.equals(model)) {
                return Optional.empty();
            }
            Document document = existing.get();
            boolean titleChanged = hasText(request.title()) && !request.title().strip().equals(document.title);
            boolean metadataChanged = request.metadata() != null && !request.metadata().equals(document.metadata);
            IndexStatus status = IndexStatus.UNCHANGED;
            if (titleChanged || metadataChanged) {
                document.title = titleChanged ? request.title().strip() : document.title;
                document.metadata = metadataChanged ? request.metadata() : document.metadata;
                document.updatedAt = now();
                status = IndexStatus.UPDATED;
            }
            return Optional.of(new IndexResult(document.id, document.source, document.title,
                    (int) chunks.countByDocument(document.id), status));
        });
    }

    private Prepared prepare(int position, IndexRequest request, String sha256) {
        CleanedText cleaned = cleaner.clean(request.text(), request.title());
        if (cleaned.content().isBlank()) {
            throw new NothingToIndexException("Nothing is left of the text of '" + request.source()
                    + "' once boilerplate is removed (" + cleaned.droppedLines().size() + " line(s) dropped)");
        }
        List<TextChunk> textChunks = chunker.chunk(cleaned.content());
        return new Prepared(position, request, sha256, cleaned.title(), cleaned.content(), textChunks);
    }

    private IndexResult store(Prepared prepared, List<EmbeddedChunk> embedded) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(prepared, embedded));
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Another replica created the same source meanwhile: write again as an update of its row.
            LOG.debugf("Concurrent creation of '%s', retrying as an update", prepared.request.source());
            return QuarkusTransaction.requiringNew().call(() -> write(prepared, embedded));
        }
    }

    private IndexResult write(Prepared prepared, List<EmbeddedChunk> embedded) {
        IndexRequest request = prepared.request;
        String model = embedding.activeModel().name();
        OffsetDateTime now = now();
        Document document = documents.findBySourceForUpdate(request.source()).orElse(null);
        IndexStatus status;
        if (document == null) {
            document = new Document();
            document.source = request.source();
            document.createdAt = now;
            status = IndexStatus.CREATED;
        } else if (document.contentSha256.equals(prepared.sha256) && document.embeddingModel.equals(model)
                && document.title.equals(prepared.title)
                && (request.metadata() == null || request.metadata().equals(document.metadata))) {
            // The same text was stored by a concurrent request while this one was embedding.
            return new IndexResult(document.id, document.source, document.title,
                    (int) chunks.countByDocument(document.id), IndexStatus.UNCHANGED);
        } else {
            chunks.deleteByDocument(document.id);
            status = IndexStatus.UPDATED;
        }
        document.title = prepared.title;
        document.content = prepared.content;
        document.contentSha256 = prepared.sha256;
        document.language = config.language();
        if (request.metadata() != null) {
            document.metadata = request.metadata();
        }
        document.embeddingModel = model;
        document.updatedAt = now;
        documents.persist(document);
        for (int i = 0; i < prepared.chunks.size(); i++) {
            TextChunk textChunk = prepared.chunks.get(i);
            Chunk chunk = new Chunk();
            chunk.document = document;
            chunk.ordinal = textChunk.ordinal();
            chunk.start = textChunk.start();
            chunk.end = textChunk.end();
            chunk.text = textChunk.text();
            chunk.tokenCount = textChunk.tokenCount();
            chunk.embedding = embedded.get(i).vector();
            chunk.sentenceSpans = embedded.get(i).sentences().flatSpans();
            chunk.sentenceEmbeddings = embedded.get(i).sentences().encodedVectors();
            chunks.persist(chunk);
        }
        indexedDocuments.increment();
        indexedChunks.increment(prepared.chunks.size());
        return new IndexResult(document.id, document.source, document.title, prepared.chunks.size(), status);
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

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private record EmbeddedChunk(float[] vector, SentenceVectors sentences) {
    }

    private record Prepared(int position, IndexRequest request, String sha256, String title, String content,
            List<TextChunk> chunks) {
    }
}
