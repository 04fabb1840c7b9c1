package io.semsearch.search;

import io.semsearch.common.TextSpan;
import io.semsearch.document.InMemoryPassageStore;
import io.semsearch.document.ScoredPassage;
import io.semsearch.document.SentenceVectors;
import io.semsearch.document.TextToWrite;
import io.semsearch.embedding.WordHashEmbedder;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SearchService over an in-memory passage store and a word-hashing embedder: no database, no model. */
class SearchServiceTest {

    private final WordHashEmbedder embedder = new WordHashEmbedder();
    private InMemoryPassageStore store;
    private UUID cats;
    private UUID trains;

    @BeforeEach
    void store() {
        store = new InMemoryPassageStore();
        cats = write(store, "cats.txt", Map.of("topic", "animals"), "Les chats dorment beaucoup.",
                "Le chat noir chasse la souris.", "Un chat roux mange des croquettes.");
        trains = write(store, "trains.txt", Map.of("topic", "transport"), "Le train de nuit part à minuit.",
                "La locomotive tire douze wagons.");
    }

    @Test
    void denseFindsThePassageNearestToTheQueryWithItsSimilarity() {
        Retrieval retrieval = service(store, Map.of()).search(query("locomotive wagons", 3, SearchMode.DENSE));
        SearchHit best = retrieval.hits().get(0);
        assertEquals("La locomotive tire douze wagons.", best.text());
        assertEquals(trains, best.documentId());
        assertEquals("trains.txt", best.source());
        assertEquals(best.score(), best.similarity(), 1e-9);
        assertEquals(cosine(WordHashEmbedder.vector("locomotive wagons"), WordHashEmbedder.vector(best.text())),
                best.similarity(), 1e-6);
        assertEquals("word-hash-64", retrieval.model());
        assertEquals(SentenceVectors.NONE, best.sentences());
    }

    @Test
    void lexicalNeedsNoVectorAndRanksTheRareWordFirst() {
        Retrieval retrieval = service(store, Map.of()).search(query("souris", 5, SearchMode.LEXICAL));
        assertEquals(0, embedder.queriesEmbedded());
        assertEquals(1, retrieval.hits().size());
        assertEquals("Le chat noir chasse la souris.", retrieval.hits().get(0).text());
        assertTrue(Double.isNaN(retrieval.hits().get(0).similarity()));
    }

    @Test
    void hitsKeepTheirOffsetsIntoTheDocument() {
        for (SearchHit hit : service(store, Map.of()).search(query("chat", 10, SearchMode.HYBRID)).hits()) {
            assertEquals(hit.end() - hit.start(), hit.text().length(), hit.toString());
            assertFalse(Double.isNaN(hit.similarity()));
        }
    }

    @Test
    void filtersRestrictTheDocuments() {
        SearchQuery bySource = new SearchQuery("chat train", 10, SearchMode.DENSE,
                new SearchFilters(null, List.of("trains.txt"), null));
        List<SearchHit> hits = service(store, Map.of()).search(bySource).hits();
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(h -> h.documentId().equals(trains)), hits.toString());

        SearchQuery byMetadata = new SearchQuery("chat train", 10, SearchMode.LEXICAL,
                new SearchFilters(null, null, Map.of("topic", "animals")));
        hits = service(store, Map.of()).search(byMetadata).hits();
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().allMatch(h -> h.documentId().equals(cats)), hits.toString());
    }

    @Test
    void aDocumentGetsAtMostTheConfiguredNumberOfHits() {
        List<SearchHit> hits = service(store, Map.of("semsearch.search.max-chunks-per-document", "1"))
                .search(query("chat", 2, SearchMode.DENSE)).hits();
        assertEquals(List.of(cats, trains), hits.stream().map(SearchHit::documentId).toList(), hits.toString());
        hits = service(store, Map.of("semsearch.search.max-chunks-per-document", "2"))
                .search(query("chat", 2, SearchMode.DENSE)).hits();
        assertEquals(List.of(cats, cats), hits.stream().map(SearchHit::documentId).toList(), hits.toString());
    }

    @Test
    void answersGetTheSentenceVectorsAsStored() {
        SearchHit hit = service(store, Map.of()).searchWithSentences(query("souris", 1, SearchMode.LEXICAL))
                .hits().get(0);
        assertEquals(1, hit.sentences().size());
        assertEquals(new TextSpan(0, hit.text().length()), hit.sentences().spans().get(0));
        assertEquals(cosine(WordHashEmbedder.vector(hit.text()), hit.sentences().vectors().get(0)), 1, 1e-6);
    }

    @Test
    void aPassageDeletedAfterItWasRankedIsLeftOut() {
        List<UUID> deleted = new ArrayList<>();
        InMemoryPassageStore deleting = new InMemoryPassageStore() {
            @Override
            public synchronized List<io.semsearch.document.StoredPassage> passages(Collection<UUID> ids,
                    float[] vector, boolean withSentences) {
                deleted.forEach(this::delete);
                return super.passages(ids, vector, withSentences);
            }
        };
        deleted.add(write(deleting, "cats.txt", Map.of(), "Le chat noir chasse la souris."));
        write(deleting, "trains.txt", Map.of(), "Le train de nuit part à minuit.");
        List<SearchHit> hits = service(deleting, Map.of()).search(query("chat train", 10, SearchMode.DENSE)).hits();
        assertEquals(List.of("trains.txt"), hits.stream().map(SearchHit::source).toList());
    }

    @Test
    void hybridFusesBothRankings() {
        SearchService service = service(store, Map.of());
        List<Candidate> dense = List.of(candidate(0.9), candidate(0.5));
        List<Candidate> lexical = List.of(dense.get(1).withScore(7), candidate(3));
        List<Candidate> fused = service.fuse(dense, lexical);
        assertEquals(3, fused.size());
        Candidate both = fused.stream().filter(c -> c.chunkId().equals(dense.get(1).chunkId())).findFirst()
                .orElseThrow();
        assertEquals(0.5, both.dense(), 1e-9);
        assertEquals(7, both.lexical(), 1e-9);
    }

    private SearchService service(InMemoryPassageStore passages, Map<String, String> properties) {
        SearchConfig config = new SmallRyeConfigBuilder().withMapping(SearchConfig.class)
                .withDefaultValues(properties).build().getConfigMapping(SearchConfig.class);
        return new SearchService(embedder, passages, config, Runnable::run);
    }

    private static SearchQuery query(String text, int k, SearchMode mode) {
        return new SearchQuery(text, k, mode, SearchFilters.NONE);
    }

    private static Candidate candidate(double score) {
        return Candidate.of(new ScoredPassage(UUID.randomUUID(), UUID.randomUUID(), 0, 10, score));
    }

    /** Writes a document whose passages are its sentences, one sentence each. */
    static UUID write(InMemoryPassageStore store, String source, Map<String, Object> metadata, String... sentences) {
        String content = String.join(" ", sentences);
        List<TextToWrite.PassageToWrite> passages = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < sentences.length; i++) {
            String text = sentences[i];
            passages.add(new TextToWrite.PassageToWrite(i, start, start + text.length(), text, text.length(),
                    WordHashEmbedder.vector(text), new SentenceVectors(List.of(new TextSpan(0, text.length())),
                            List.of(WordHashEmbedder.vector(text)))));
            start += text.length() + 1;
        }
        return store.inTransaction(() -> store.write(new TextToWrite(null, source, source, content, "sha", "fr",
                metadata, "word-hash-64", passages)));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
