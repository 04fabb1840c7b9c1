package io.semsearch.document;

import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.common.TextSpan;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.embedding.PassageEmbedding;
import io.semsearch.embedding.PassageText;
import io.semsearch.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PostgreSQL passage store against the real database (with the real model's vectors). */
@QuarkusTest
class PostgresPassageStoreTest {

    private static final String SOURCE = "store-test.txt";
    private static final List<String> PASSAGES = List.of("Le zeppelin survole lentement la baie de Somme.",
            "Les phoques se reposent sur les bancs de sable à marée basse.");

    @Inject
    PassageStore store;
    @Inject
    EmbeddingService embedding;
    @Inject
    TestData data;

    @AfterEach
    void restore() {
        data.restore();
    }

    @Test
    void theServiceUsesThePostgresStore() {
        assertInstanceOf(PostgresPassageStore.class, unproxied());
    }

    @Test
    void aWrittenDocumentIsRetrievedDenselyLexicallyAndById() {
        UUID id = write(SOURCE, Map.of("corpus", "store-test"));
        store.refreshStatistics();
        float[] query = embedding.embedQuery("un dirigeable au-dessus de la baie");

        List<ScoredPassage> dense = store.dense(query, 5, new PassageFilter(null, List.of(SOURCE), null), 100);
        assertEquals(2, dense.size());
        assertTrue(dense.stream().allMatch(p -> p.documentId().equals(id)));
        assertTrue(dense.get(0).score() >= dense.get(1).score());
        assertEquals(List.of(), store.dense(query, 5, new PassageFilter(null, null, Map.of("corpus", "nope")), 100));

        List<ScoredPassage> lexical = store.lexical("zeppelin", 5, PassageFilter.NONE, new Bm25(1.2, 0.75, 300, 500));
        assertEquals(1, lexical.size());
        assertEquals(0, lexical.get(0).start());
        assertEquals(PASSAGES.get(0).length(), lexical.get(0).end());

        List<StoredPassage> read = store.passages(List.of(lexical.get(0).passageId()), query, true);
        assertEquals(1, read.size());
        StoredPassage passage = read.get(0);
        assertEquals(PASSAGES.get(0), passage.text());
        assertEquals(SOURCE, passage.source());
        assertEquals(0, passage.ordinal());
        float[] stored = embedding.embedPassages(List.of(PassageText.of(PASSAGES.get(0), List.of()))).get(0).vector();
        assertEquals(InMemoryPassageStore.cosine(query, stored), passage.similarity(), 1e-4);
        assertEquals(List.of(new TextSpan(0, PASSAGES.get(0).length())), passage.sentences().spans());
        assertTrue(Double.isNaN(store.passages(List.of(passage.passageId()), null, false).get(0).similarity()));
    }

    @Test
    void aSecondDocumentOfOneSourceIsADuplicateAndRollsBack() {
        UUID id = write(SOURCE, Map.of());
        assertThrows(DuplicateSourceException.class, () -> write(SOURCE, Map.of("second", "yes")));
        StoredText stored = store.inTransaction(() -> store.find(id)).orElseThrow();
        assertEquals(Map.of(), stored.metadata());
        assertEquals(2, store.inTransaction(() -> store.countPassages(id)));
    }

    @Test
    void aFailedTransactionLeavesNothing() {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            store.write(text(SOURCE, Map.of()));
            throw new IllegalStateException("fails after the write");
        }));
        assertEquals(Map.of(), store.inTransaction(() -> store.findBySources(List.of(SOURCE))));
    }

    @Test
    void passageVectorsComeBackAsWrittenByText() {
        TextToWrite written = text(SOURCE, Map.of());
        UUID id = store.inTransaction(() -> store.write(written));
        Map<String, PassageVectors> vectors = store.inTransaction(() -> store.passageVectors(id));
        assertEquals(Set.copyOf(PASSAGES), vectors.keySet());
        for (TextToWrite.PassageToWrite passage : written.passages()) {
            PassageVectors read = vectors.get(passage.text());
            assertArrayEquals(passage.vector(), read.vector());
            assertEquals(passage.sentences().spans(), read.sentences().spans());
            assertArrayEquals(passage.sentences().vectors().get(0), read.sentences().vectors().get(0));
        }
    }

    @Test
    void detailsAreUpdatedInPlace() {
        UUID id = write(SOURCE, Map.of("k", "v"));
        store.inTransaction(() -> {
            store.lockBySource(SOURCE).orElseThrow();
            store.updateDetails(id, "New title", null, "en");
            return null;
        });
        StoredText stored = store.inTransaction(() -> store.find(id)).orElseThrow();
        assertEquals("New title", stored.title());
        assertEquals("en", stored.language());
        assertEquals(Map.of("k", "v"), stored.metadata());
    }

    private UUID write(String source, Map<String, Object> metadata) {
        return store.inTransaction(() -> store.write(text(source, metadata)));
    }

    private TextToWrite text(String source, Map<String, Object> metadata) {
        List<PassageEmbedding> vectors = embedding.embedPassages(PASSAGES.stream()
                .map(p -> PassageText.of(p, List.of(new TextSpan(0, p.length())))).toList());
        List<TextToWrite.PassageToWrite> passages = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < PASSAGES.size(); i++) {
            String text = PASSAGES.get(i);
            passages.add(new TextToWrite.PassageToWrite(i, start, start + text.length(), text, 12,
                    vectors.get(i).vector(), new SentenceVectors(List.of(new TextSpan(0, text.length())),
                            vectors.get(i).sentenceVectors())));
            start += text.length() + 1;
        }
        return new TextToWrite(null, source, "Store test", String.join(" ", PASSAGES), "sha", "fr", metadata,
                embedding.modelName(), passages);
    }

    private Object unproxied() {
        return store instanceof io.quarkus.arc.ClientProxy proxy ? proxy.arc_contextualInstance() : store;
    }

}
