package io.semsearch.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.semsearch.common.PayloadTooLargeException;
import io.semsearch.document.InMemoryPassageStore;
import io.semsearch.document.StoredText;
import io.semsearch.document.TextToWrite;
import io.semsearch.embedding.WordHashEmbedder;
import io.semsearch.extraction.LanguageIdentifier;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IngestService's three steps over an in-memory passage store and a word-hashing embedder (no database, no model),
 * with the real cleaner, segmenter, chunker (a simple tokenizer) and language identifier.
 */
class IngestServiceTest {

    private static final String FRENCH = "Le conseil municipal a voté le budget de la ville pour l'année prochaine. "
            + "Les dépenses d'investissement augmentent nettement, surtout pour les écoles et les transports. "
            + "L'opposition a dénoncé une hausse des impôts locaux qu'elle juge injustifiée.";
    private static final String ENGLISH = "The city council approved next year's budget on Tuesday evening. "
            + "Capital spending rises sharply, mostly for schools and public transport. "
            + "The opposition criticised a rise in local taxes that it considers unjustified.";

    private final InMemoryPassageStore store = new InMemoryPassageStore();
    private final WordHashEmbedder embedder = new WordHashEmbedder();

    @Test
    void aNewTextIsStoredWithItsChunksAndTheirVectors() {
        IndexResult result = service(Map.of()).index(new IndexRequest("budget.txt", "Budget", FRENCH, null, null));
        assertEquals(IndexStatus.CREATED, result.status());
        StoredText stored = store.find(result.id()).orElseThrow();
        assertEquals("fr", stored.language()); // detected from the cleaned text
        assertEquals("word-hash-64", stored.embeddingModel());
        List<TextToWrite.PassageToWrite> passages = store.passagesOf(result.id());
        assertEquals(result.chunks(), passages.size());
        assertTrue(passages.size() > 1, "a small chunk budget cuts the text: " + passages.size());
        for (TextToWrite.PassageToWrite passage : passages) {
            assertEquals(stored.content().substring(passage.start(), passage.end()), passage.text());
            assertArrayEquals(WordHashEmbedder.vector(passage.text()), passage.vector());
            assertTrue(passage.sentences().size() >= 1);
            assertArrayEquals(WordHashEmbedder.vector(passage.sentences().spans().get(0).in(passage.text())),
                    passage.sentences().vectors().get(0));
        }
    }

    @Test
    void theLanguageIsTheRequestsElseDetected() {
        IngestService service = service(Map.of());
        UUID english = service.index(new IndexRequest("en.txt", null, ENGLISH, null, null)).id();
        UUID declared = service.index(new IndexRequest("declared.txt", null, ENGLISH, null, "de")).id();
        assertEquals("en", store.find(english).orElseThrow().language());
        assertEquals("de", store.find(declared).orElseThrow().language());
    }

    @Test
    void anEditedTextReembedsOnlyTheChunksItChanged() {
        IngestService service = service(Map.of());
        String edited = FRENCH.replace("injustifiée", "injustifiée et mal préparée");
        IndexResult first = service.index(new IndexRequest("budget.txt", "Budget", FRENCH, null, null));
        int embedded = embedder.passagesEmbedded();
        IndexResult second = service.index(new IndexRequest("budget.txt", "Budget", edited, null, null));

        assertEquals(IndexStatus.UPDATED, second.status());
        assertTrue(first.chunks() > 2, "several chunks: " + first.chunks());
        int reembedded = embedder.passagesEmbedded() - embedded;
        List<TextToWrite.PassageToWrite> passages = store.passagesOf(second.id());
        long changed = passages.stream().filter(p -> p.text().contains("mal préparée")).count();
        assertTrue(changed >= 1 && changed < passages.size(), changed + " of " + passages.size());
        assertEquals(changed, reembedded, "only the chunks holding the edit are embedded again");
        for (TextToWrite.PassageToWrite passage : passages) {
            assertArrayEquals(WordHashEmbedder.vector(passage.text()), passage.vector());
            for (int i = 0; i < passage.sentences().size(); i++) {
                assertArrayEquals(WordHashEmbedder.vector(passage.sentences().spans().get(i).in(passage.text())),
                        passage.sentences().vectors().get(i));
            }
        }
    }

    @Test
    void theSameTextAgainWritesAndEmbedsNothing() {
        IngestService service = service(Map.of());
        IndexRequest request = new IndexRequest("budget.txt", "Budget", FRENCH, Map.of("k", "v"), null);
        IndexResult first = service.index(request);
        int embedded = embedder.passagesEmbedded();
        IndexResult again = service.index(request);
        assertEquals(IndexStatus.UNCHANGED, again.status());
        assertEquals(first.id(), again.id());
        assertEquals(first.chunks(), again.chunks());
        assertEquals(embedded, embedder.passagesEmbedded());
        assertEquals(1, store.writes());
    }

    @Test
    void aNewTitleOrMetadataIsWrittenWithoutEmbedding() {
        IngestService service = service(Map.of());
        IndexResult first = service.index(new IndexRequest("budget.txt", "Budget", FRENCH, Map.of("k", "v"), null));
        int embedded = embedder.passagesEmbedded();
        IndexResult renamed = service.index(new IndexRequest("budget.txt", "Budget 2027", FRENCH,
                Map.of("k", "w"), null));
        assertEquals(IndexStatus.UPDATED, renamed.status());
        assertEquals("Budget 2027", renamed.title());
        assertEquals(first.chunks(), renamed.chunks());
        assertEquals(embedded, embedder.passagesEmbedded());
        StoredText stored = store.find(first.id()).orElseThrow();
        assertEquals("Budget 2027", stored.title());
        assertEquals(Map.of("k", "w"), stored.metadata());
    }

    @Test
    void aChangedTextReplacesItsChunks() {
        IngestService service = service(Map.of());
        UUID id = service.index(new IndexRequest("doc.txt", null, FRENCH, null, "fr")).id();
        IndexResult changed = service.index(new IndexRequest("doc.txt", null, ENGLISH, null, "en"));
        assertEquals(IndexStatus.UPDATED, changed.status());
        assertEquals(id, changed.id());
        assertTrue(store.passagesOf(id).stream().allMatch(p -> ENGLISH.contains(p.text())));
        assertEquals(changed.chunks(), store.countPassages(id));
    }

    @Test
    void textsIndexedTogetherInSmallGroupsComeBackInRequestOrder() {
        IngestService service = service(Map.of("semsearch.ingest.embedding-group-chunks", "1"));
        List<IndexRequest> requests = List.of(new IndexRequest("a.txt", null, FRENCH, null, null),
                new IndexRequest("b.txt", null, ENGLISH, null, null),
                new IndexRequest("c.txt", null, FRENCH + " Fin.", null, null));
        List<IndexResult> results = service.indexAll(requests);
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), results.stream().map(IndexResult::source).toList());
        for (IndexResult result : results) {
            assertEquals(IndexStatus.CREATED, result.status());
            assertEquals(result.chunks(), store.countPassages(result.id()));
        }
    }

    @Test
    void refusedTextsWriteNothing() {
        IngestService service = service(Map.of("semsearch.ingest.max-text-bytes", "100"));
        assertThrows(PayloadTooLargeException.class,
                () -> service.index(new IndexRequest("big.txt", null, FRENCH, null, null)));
        assertThrows(NothingToIndexException.class,
                () -> service.index(new IndexRequest("blank.txt", null, "  \n\n ", null, null)));
        assertEquals(0, store.writes());
    }

    @Test
    void aBatchWithATextLeftEmptyByCleaningChangesNothingEvenEarlierDetails() {
        IngestService service = service(Map.of());
        IndexResult existing = service.index(new IndexRequest("budget.txt", "Budget", FRENCH, Map.of("v", 1), null));
        int writes = store.writes();
        assertThrows(NothingToIndexException.class, () -> service.indexAll(List.of(
                new IndexRequest("budget.txt", "Nouveau titre", FRENCH, Map.of("v", 2), null),
                new IndexRequest("nouveau.txt", null, ENGLISH, null, null),
                new IndexRequest("vide.txt", null, "Laisser un commentaire\n\nGérer mes choix", null, null))));
        StoredText stored = store.find(existing.id()).orElseThrow();
        assertEquals("Budget", stored.title(), "the earlier document's title is not updated");
        assertEquals(Map.of("v", 1), stored.metadata());
        assertTrue(store.findBySources(List.of("nouveau.txt")).isEmpty());
        assertEquals(writes, store.writes());
    }

    @Test
    void aSourceCreatedMeanwhileByAnotherWriterIsUpdated() {
        AtomicBoolean firstLock = new AtomicBoolean(true);
        InMemoryPassageStore racing = new InMemoryPassageStore() {
            @Override
            public synchronized Optional<StoredText> lockBySource(String source) {
                // the first writer read before the other one committed
                return firstLock.getAndSet(false) ? Optional.empty() : super.lockBySource(source);
            }
        };
        UUID other = racing.inTransaction(() -> racing.write(new TextToWrite(null, "doc.txt", "Other", "Autre.",
                "sha", "fr", Map.of(), "word-hash-64", List.of())));
        IndexResult result = service(racing, Map.of()).index(new IndexRequest("doc.txt", null, FRENCH, null, "fr"));
        assertEquals(IndexStatus.UPDATED, result.status());
        assertEquals(other, result.id());
        assertEquals(result.chunks(), racing.countPassages(other));
    }

    @Test
    void reembeddingKeepsTheDocumentAndWritesTheActiveModelsVectors() {
        UUID id = store.inTransaction(() -> store.write(new TextToWrite(null, "old.txt", "Old", FRENCH, "sha-old",
                "fr", Map.of("k", "v"), "older-model", List.of())));
        service(Map.of()).reembed(id);
        StoredText stored = store.find(id).orElseThrow();
        assertEquals("word-hash-64", stored.embeddingModel());
        assertEquals("sha-old", stored.contentSha256());
        assertEquals("Old", stored.title());
        assertEquals(Map.of("k", "v"), stored.metadata());
        assertTrue(store.countPassages(id) > 1);
    }

    @Test
    void aDocumentDeletedBeforeItsReembeddingIsNotWrittenAgain() {
        UUID id = store.inTransaction(() -> store.write(new TextToWrite(null, "old.txt", "Old", FRENCH, "sha-old",
                "fr", Map.of(), "older-model", List.of())));
        InMemoryPassageStore deleting = new InMemoryPassageStore() {
            @Override
            public synchronized Optional<StoredText> find(UUID documentId) {
                return store.find(documentId); // read, then deleted before the write
            }
        };
        service(deleting, Map.of()).reembed(id);
        assertEquals(Map.of(), deleting.findBySources(List.of("old.txt")));
        assertEquals(0, deleting.writes());
    }

    private IngestService service(Map<String, String> properties) {
        return service(store, properties);
    }

    private IngestService service(InMemoryPassageStore passages, Map<String, String> properties) {
        IngestConfig config = new SmallRyeConfigBuilder().withMapping(IngestConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withDefaultValue("semsearch.ingest.chunk-max-tokens", "30")
                .withDefaultValues(properties).build().getConfigMapping(IngestConfig.class);
        LanguageIdentifier languages = new LanguageIdentifier();
        SentenceChunker chunker = new SentenceChunker(new SentenceSegmenter(), new SimpleTokenizer(),
                config.chunkMaxTokens(), config.chunkOverlapSentences());
        TextPreparation preparation = new TextPreparation(new TextCleaner(BoilerplateRules.loadDefault()), chunker,
                () -> languages, 50, config);
        return new IngestService(preparation, new ChunkEmbedding(embedder, config, Runnable::run),
                new DocumentWriter(passages, new SimpleMeterRegistry()), passages, new SimpleMeterRegistry());
    }
}
