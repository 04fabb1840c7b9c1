package io.semsearch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.semsearch.common.Futures;
import io.semsearch.common.PayloadTooLargeException;
import io.semsearch.common.Sha256;
import io.semsearch.document.Chunk;
import io.semsearch.document.ChunkRepository;
import io.semsearch.document.Document;
import io.semsearch.document.DocumentRepository;
import io.semsearch.document.LexicalStatistics;
import io.semsearch.document.SentenceVectors;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.embedding.PassageEmbedding;
import io.semsearch.extraction.ExtractionConfig;
import io.semsearch.extraction.LanguageIdentifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Indexes texts: clean, chunk (each chunk with its sentences), embed (each chunk and, from the same forward pass,
 * each of its sentences), then store each document with its chunks in one transaction, so that a half-indexed
 * document is never visible. The slow part (embedding) runs outside any transaction. A text's language is the
 * request's, else detected from the cleaned text ({@link LanguageIdentifier}), else {@code semsearch.ingest.language}.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final TextCleaner cleaner;
    private final SentenceChunker chunker;
    private final EmbeddingService embedding;
    private final DocumentRepository documents;
    private final ChunkRepository chunks;
    private final LexicalStatistics statistics;
    private final IngestConfig config;
    /** Runs the embedding of the next group while the request's thread writes the previous one. */
    private final Executor embeddingDriver;
    private final Provider<LanguageIdentifier> languages;
    private final int minLanguageLetters;
    private final Counter indexedDocuments;
    private final Counter indexedChunks;

    public IngestService(TextCleaner cleaner, SentenceChunker chunker, EmbeddingService embedding,
            DocumentRepository documents, ChunkRepository chunks, LexicalStatistics statistics, IngestConfig config,
            Provider<LanguageIdentifier> languages, ExtractionConfig extraction, MeterRegistry registry,
            ManagedExecutor executor) {
        this.cleaner = cleaner;
        this.chunker = chunker;
        this.embedding = embedding;
        this.documents = documents;
        this.chunks = chunks;
        this.statistics = statistics;
        this.config = config;
        this.embeddingDriver = executor;
        // resolved on the first text without a language: its model loads in about a second
        this.languages = languages;
        this.minLanguageLetters = extraction.minLanguageChars();
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
     * still stored in its own transaction. Results come in request order. Sources must be distinct.
     */
    public List<IndexResult> indexAll(List<IndexRequest> requests) {
        requests.forEach(this::checkSize);
        String model = embedding.activeModel().name();
        Map<String, Document> stored = storedBySource(requests);
        IndexResult[] results = new IndexResult[requests.size()];
        List<Prepared> toEmbed = new ArrayList<>();
        boolean detailsWritten = false;
        for (int i = 0; i < requests.size(); i++) {
            IndexRequest request = requests.get(i);
            String sha256 = Sha256.hex(request.text());
            Change change = Change.of(stored.get(request.source()), sha256, model, request.title(),
                    request.metadata(), request.language());
            switch (change) {
                case NONE -> results[i] = QuarkusTransaction.requiringNew().call(() -> unchanged(
                        stored.get(request.source())));
                case DETAILS -> {
                    IndexResult result = QuarkusTransaction.requiringNew()
                            .call(() -> writeDetails(request, sha256, model));
                    if (result != null) {
                        results[i] = result;
                        detailsWritten = true; // a new language changes the chunks' text search configuration
                    } else {
                        toEmbed.add(prepare(i, request, sha256));
                    }
                }
                case NEW, CONTENT -> toEmbed.add(prepare(i, request, sha256));
            }
        }
        // Groups of documents, embedded one after the other; a group is written while the next one is embedded.
        List<List<Prepared>> groups = groups(toEmbed);
        CompletableFuture<List<EmbeddedChunk>> next = groups.isEmpty() ? null : embedLater(groups.get(0));
        for (int g = 0; g < groups.size(); g++) {
            List<EmbeddedChunk> embedded = Futures.join(next);
            if (g + 1 < groups.size()) {
                next = embedLater(groups.get(g + 1));
            }
            int from = 0;
            for (Prepared prepared : groups.get(g)) {
                List<EmbeddedChunk> own = embedded.subList(from, from + prepared.chunks.size());
                from += prepared.chunks.size();
                results[prepared.position] = store(prepared, own, model);
            }
        }
        if (!toEmbed.isEmpty() || detailsWritten) {
            statistics.foldQuietly();
        }
        return List.of(results);
    }

    /**
     * Chunks and embeds a stored document again with the active model, keeping its id, source, title, metadata and
     * hash (after a model change, or for chunks stored before sentences had vectors).
     */
    public void reembed(UUID documentId) {
        Document stored = QuarkusTransaction.requiringNew().call(() -> documents.findById(documentId));
        if (stored == null) {
            return;
        }
        Prepared prepared = new Prepared(0, new IndexRequest(stored.source, stored.title, stored.content,
                stored.metadata, stored.language), stored.contentSha256, stored.title, stored.content,
                stored.language, chunker.chunk(stored.content), true);
        store(prepared, embed(prepared.chunks), embedding.activeModel().name());
        statistics.foldQuietly();
    }

    /** Consecutive documents of about {@code embedding-group-chunks} chunks each (all in one when 0). */
    private List<List<Prepared>> groups(List<Prepared> prepared) {
        List<List<Prepared>> groups = new ArrayList<>();
        int limit = config.embeddingGroupChunks() > 0 ? config.embeddingGroupChunks() : Integer.MAX_VALUE;
        List<Prepared> group = new ArrayList<>();
        int chunks = 0;
        for (Prepared p : prepared) {
            if (!group.isEmpty() && chunks + p.chunks.size() > limit) {
                groups.add(group);
                group = new ArrayList<>();
                chunks = 0;
            }
            group.add(p);
            chunks += p.chunks.size();
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /** Embeds a group's chunks: on another thread when writes overlap embedding, else right away. */
    private CompletableFuture<List<EmbeddedChunk>> embedLater(List<Prepared> group) {
        List<TextChunk> textChunks = group.stream().flatMap(p -> p.chunks.stream()).toList();
        if (!config.overlapWrites()) {
            return CompletableFuture.completedFuture(embed(textChunks));
        }
        return CompletableFuture.supplyAsync(() -> embed(textChunks), embeddingDriver);
    }

    private Map<String, Document> storedBySource(List<IndexRequest> requests) {
        List<String> sources = requests.stream().map(IndexRequest::source).toList();
        return QuarkusTransaction.requiringNew().call(() -> documents.listBySources(sources)).stream()
                .collect(Collectors.toMap(d -> d.source, Function.identity()));
    }

    private List<EmbeddedChunk> embed(List<TextChunk> textChunks) {
        List<PassageEmbedding> embedded = embedding.embedPassages(textChunks.stream().map(TextChunk::text).toList(),
                textChunks.stream().map(TextChunk::sentences).toList());
        List<EmbeddedChunk> result = new ArrayList<>(textChunks.size());
        for (int i = 0; i < textChunks.size(); i++) {
            result.add(new EmbeddedChunk(embedded.get(i).vector(),
                    new SentenceVectors(textChunks.get(i).sentences(), embedded.get(i).sentenceVectors())));
        }
        return result;
    }

    private void checkSize(IndexRequest request) {
        long bytes = request.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxTextBytes()) {
            throw new PayloadTooLargeException("The text of '" + request.source() + "' has " + bytes
                    + " bytes; the limit is " + config.maxTextBytes() + " (semsearch.ingest.max-text-bytes)");
        }
    }

    private Prepared prepare(int position, IndexRequest request, String sha256) {
        CleanedText cleaned = cleaner.clean(request.text(), request.title());
        if (cleaned.content().isBlank()) {
            throw new NothingToIndexException("Nothing is left of the text of '" + request.source()
                    + "' once boilerplate is removed (" + cleaned.droppedLines().size() + " line(s) dropped)");
        }
        return new Prepared(position, request, sha256, cleaned.title(), cleaned.content(),
                languageOf(request, cleaned.content()), chunker.chunk(cleaned.content()), false);
    }

    /** The request's language, else the one detected from the cleaned text, else the configured default. */
    private String languageOf(IndexRequest request, String content) {
        if (request.language() != null) {
            return request.language();
        }
        return languages.get().detect(content, minLanguageLetters).map(LanguageIdentifier.Detected::language)
                .orElse(config.language());
    }

    private IndexResult store(Prepared prepared, List<EmbeddedChunk> embedded, String model) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> write(prepared, embedded, model));
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Another replica created the same source meanwhile: decide again against its row.
            LOG.debugf("Concurrent creation of '%s', retrying as an update", prepared.request.source());
            return QuarkusTransaction.requiringNew().call(() -> write(prepared, embedded, model));
        }
    }

    /** Writes a prepared text under its row lock, unless a concurrent request already stored what it says. */
    private IndexResult write(Prepared prepared, List<EmbeddedChunk> embedded, String model) {
        IndexRequest request = prepared.request;
        Document document = documents.findBySourceForUpdate(request.source()).orElse(null);
        Change change = prepared.reembed ? Change.CONTENT
                : Change.of(document, prepared.sha256, model, request.title(), request.metadata(),
                        request.language());
        switch (change) {
            case NONE:
                return unchanged(document);
            case DETAILS:
                return updateDetails(document, request);
            case CONTENT:
                chunks.deleteByDocument(document.id);
                break;
            case NEW:
                document = new Document();
                document.source = request.source();
                document.createdAt = now();
                break;
        }
        document.title = prepared.title;
        document.content = prepared.content;
        document.contentSha256 = prepared.sha256;
        document.language = prepared.language;
        if (request.metadata() != null) {
            document.metadata = request.metadata();
        }
        document.embeddingModel = model;
        document.updatedAt = now();
        documents.persist(document);
        documents.flush(); // before the chunks: their text search configuration is read from the document's language
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
        return new IndexResult(document.id, document.source, document.title, prepared.chunks.size(),
                change.status());
    }

    /**
     * Writes a new title or metadata of a stored text, decided again under the row lock; null when a concurrent
     * request changed or deleted the text meanwhile, so that this one must be indexed whole.
     */
    private IndexResult writeDetails(IndexRequest request, String sha256, String model) {
        Document document = documents.findBySourceForUpdate(request.source()).orElse(null);
        return switch (Change.of(document, sha256, model, request.title(), request.metadata(), request.language())) {
            case NONE -> unchanged(document);
            case DETAILS -> updateDetails(document, request);
            case NEW, CONTENT -> null;
        };
    }

    private IndexResult updateDetails(Document document, IndexRequest request) {
        if (request.title() != null) {
            document.title = request.title();
        }
        if (request.metadata() != null) {
            document.metadata = request.metadata();
        }
        if (request.language() != null) {
            document.language = request.language();
        }
        document.updatedAt = now();
        indexedDocuments.increment();
        return new IndexResult(document.id, document.source, document.title,
                (int) chunks.countByDocument(document.id), IndexStatus.UPDATED);
    }

    private IndexResult unchanged(Document document) {
        return new IndexResult(document.id, document.source, document.title,
                (int) chunks.countByDocument(document.id), IndexStatus.UNCHANGED);
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

    private record EmbeddedChunk(float[] vector, SentenceVectors sentences) {
    }

    /**
     * A text cleaned and chunked, ready to embed.
     *
     * @param reembed the stored text is embedded again: written whatever the decision on its request would be
     */
    private record Prepared(int position, IndexRequest request, String sha256, String title, String content,
            String language, List<TextChunk> chunks, boolean reembed) {
    }
}
