package io.semsearch.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankFusionTest {

    private static final UUID DOC_A = UUID.randomUUID();
    private static final UUID DOC_B = UUID.randomUUID();
    private static final UUID DOC_C = UUID.randomUUID();

    private static SearchHit hit(String name, UUID document, int start, int end) {
        return new SearchHit(UUID.nameUUIDFromBytes(name.getBytes()), document, name, name, 0, start, end,
                "x".repeat(end - start), 0, Double.NaN);
    }

    @Test
    void reciprocalRankFusionAddsOneOverKPlusRank() {
        SearchHit a = hit("a", DOC_A, 0, 10);
        SearchHit b = hit("b", DOC_B, 0, 10);
        SearchHit c = hit("c", DOC_C, 0, 10);
        List<SearchHit> fused = RankFusion.reciprocalRankFusion(List.of(List.of(a, b), List.of(c, b)),
                List.of(1.0, 1.0), 60);
        assertEquals(List.of("b", "a", "c"), fused.stream().map(SearchHit::source).toList());
        assertEquals(1.0 / 62 + 1.0 / 62, fused.get(0).score(), 1e-12);
        assertEquals(1.0 / 61, fused.get(1).score(), 1e-12);
    }

    @Test
    void weightsFavourOneRanking() {
        SearchHit a = hit("a", DOC_A, 0, 10);
        SearchHit c = hit("c", DOC_C, 0, 10);
        List<SearchHit> fused = RankFusion.reciprocalRankFusion(List.of(List.of(a), List.of(c)),
                List.of(1.0, 2.0), 60);
        assertEquals(List.of("c", "a"), fused.stream().map(SearchHit::source).toList());
    }

    @Test
    void fusionKeepsTheSimilarityOfTheDenseHit() {
        SearchHit lexical = hit("a", DOC_A, 0, 10);
        SearchHit dense = new SearchHit(lexical.chunkId(), DOC_A, "a", "a", 0, 0, 10, lexical.text(), 0.9, 0.9);
        List<SearchHit> fused = RankFusion.reciprocalRankFusion(List.of(List.of(lexical), List.of(dense)),
                List.of(1.0, 1.0), 60);
        assertEquals(0.9, fused.get(0).similarity());
    }

    @Test
    void diversifyCapsChunksPerDocumentAndSkipsOverlaps() {
        SearchHit a1 = hit("a1", DOC_A, 0, 100);
        SearchHit a2 = hit("a2", DOC_A, 90, 200);
        SearchHit a3 = hit("a3", DOC_A, 200, 300);
        SearchHit a4 = hit("a4", DOC_A, 300, 400);
        SearchHit b1 = hit("b1", DOC_B, 0, 100);
        List<SearchHit> chosen = RankFusion.diversify(List.of(a1, a2, a3, a4, b1), 3, 2);
        assertEquals(List.of("a1", "a3", "b1"), chosen.stream().map(SearchHit::source).toList());
    }

    @Test
    void diversifyFillsUpWithPassedOverHitsWhenOtherDocumentsRunOut() {
        SearchHit a1 = hit("a1", DOC_A, 0, 100);
        SearchHit a2 = hit("a2", DOC_A, 100, 200);
        SearchHit a3 = hit("a3", DOC_A, 200, 300);
        SearchHit b1 = hit("b1", DOC_B, 0, 100);
        List<SearchHit> chosen = RankFusion.diversify(List.of(a1, a2, a3, b1), 4, 1);
        assertEquals(List.of("a1", "a2", "a3", "b1"), chosen.stream().map(SearchHit::source).toList());
    }

    @Test
    void diversifyOfNothingIsNothing() {
        assertEquals(List.of(), RankFusion.diversify(List.of(), 5, 2));
    }
}
