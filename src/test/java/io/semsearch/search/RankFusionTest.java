package io.semsearch.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankFusionTest {

    private static final UUID DOC_A = UUID.randomUUID();
    private static final UUID DOC_B = UUID.randomUUID();
    private static final UUID DOC_C = UUID.randomUUID();
    private static final List<String> NAMES = List.of("a", "b", "c", "a1", "a2", "a3", "a4", "b1");

    private static Candidate hit(String name, UUID document, int start, int end) {
        return new Candidate(UUID.nameUUIDFromBytes(name.getBytes()), document, start, end, 0);
    }

    /** The names the candidates were made with, in order. */
    private static List<String> names(List<Candidate> candidates) {
        return candidates.stream().map(c -> NAMES.stream()
                .filter(name -> UUID.nameUUIDFromBytes(name.getBytes()).equals(c.chunkId()))
                .findFirst().orElseThrow()).toList();
    }

    @Test
    void reciprocalRankFusionAddsOneOverKPlusRank() {
        Candidate a = hit("a", DOC_A, 0, 10);
        Candidate b = hit("b", DOC_B, 0, 10);
        Candidate c = hit("c", DOC_C, 0, 10);
        List<Candidate> fused = RankFusion.reciprocalRankFusion(List.of(List.of(a, b), List.of(c, b)),
                List.of(1.0, 1.0), 60);
        assertEquals(List.of("b", "a", "c"), names(fused));
        assertEquals(1.0 / 62 + 1.0 / 62, fused.get(0).score(), 1e-12);
        assertEquals(1.0 / 61, fused.get(1).score(), 1e-12);
    }

    @Test
    void weightsFavourOneRanking() {
        Candidate a = hit("a", DOC_A, 0, 10);
        Candidate c = hit("c", DOC_C, 0, 10);
        List<Candidate> fused = RankFusion.reciprocalRankFusion(List.of(List.of(a), List.of(c)),
                List.of(1.0, 2.0), 60);
        assertEquals(List.of("c", "a"), names(fused));
    }

    @Test
    void fusionKeepsEachChunkOnceWithItsFirstOffsets() {
        Candidate dense = new Candidate(UUID.randomUUID(), DOC_A, 0, 10, 0.9);
        Candidate lexical = new Candidate(dense.chunkId(), DOC_A, 0, 10, 7.5);
        List<Candidate> fused = RankFusion.reciprocalRankFusion(List.of(List.of(dense), List.of(lexical)),
                List.of(1.0, 1.0), 60);
        assertEquals(1, fused.size());
        assertEquals(2.0 / 61, fused.get(0).score(), 1e-12);
    }

    @Test
    void diversifyCapsChunksPerDocumentAndSkipsOverlaps() {
        Candidate a1 = hit("a1", DOC_A, 0, 100);
        Candidate a2 = hit("a2", DOC_A, 90, 200);
        Candidate a3 = hit("a3", DOC_A, 200, 300);
        Candidate a4 = hit("a4", DOC_A, 300, 400);
        Candidate b1 = hit("b1", DOC_B, 0, 100);
        List<Candidate> chosen = RankFusion.diversify(List.of(a1, a2, a3, a4, b1), 3, 2);
        assertEquals(List.of("a1", "a3", "b1"), names(chosen));
    }

    @Test
    void diversifyFillsUpWithPassedOverHitsWhenOtherDocumentsRunOut() {
        Candidate a1 = hit("a1", DOC_A, 0, 100);
        Candidate a2 = hit("a2", DOC_A, 100, 200);
        Candidate a3 = hit("a3", DOC_A, 200, 300);
        Candidate b1 = hit("b1", DOC_B, 0, 100);
        List<Candidate> chosen = RankFusion.diversify(List.of(a1, a2, a3, b1), 4, 1);
        assertEquals(List.of("a1", "a2", "a3", "b1"), names(chosen));
    }

    @Test
    void diversifyOfNothingIsNothing() {
        assertEquals(List.of(), RankFusion.diversify(List.of(), 5, 2));
    }
}
