package io.semsearch.search;

import io.semsearch.common.LinearModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreFusionTest {

    private static final UUID DOC = UUID.randomUUID();

    private static Candidate hit(String name, double score) {
        return new Candidate(UUID.nameUUIDFromBytes(name.getBytes()), DOC, name.length() * 100,
                name.length() * 100 + 50, score);
    }

    private static double feature(Map<Candidate, double[]> rows, String name, String feature) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes());
        return rows.entrySet().stream().filter(e -> e.getKey().chunkId().equals(id)).findFirst().orElseThrow()
                .getValue()[ScoreFusion.FEATURES.indexOf(feature)];
    }

    @Test
    void featuresNormaliseEachRetrieversScoresPerQuery() {
        List<Candidate> dense = List.of(hit("a", 0.90), hit("bb", 0.85), hit("ccc", 0.80));
        List<Candidate> lexical = List.of(hit("bb", 12.0), hit("dddd", 6.0));
        Map<Candidate, double[]> rows = ScoreFusion.features(dense, lexical);
        assertEquals(4, rows.size());
        assertEquals(0.05, feature(rows, "bb", "dense-gap"), 1e-9);
        assertEquals(0.10, feature(rows, "dddd", "dense-gap"), 1e-9); // absent: as far as the list's last
        assertEquals(1.0, feature(rows, "bb", "lexical-share"), 1e-9);
        assertEquals(0.5, feature(rows, "dddd", "lexical-share"), 1e-9);
        assertEquals(0.0, feature(rows, "a", "lexical-share"), 1e-9);
        assertEquals(1.0, feature(rows, "bb", "in-both"), 1e-9);
        assertEquals(0.5, feature(rows, "bb", "lexical-share-x-lead"), 1e-9); // (12 - 6) / 12
        Candidate fused = rows.keySet().stream().filter(c -> c.chunkId().equals(hit("bb", 0).chunkId()))
                .findFirst().orElseThrow();
        assertEquals(0.85, fused.dense(), 1e-9);
        assertEquals(12.0, fused.lexical(), 1e-9);
    }

    @Test
    void fusedOrderFollowsTheLinearScore() {
        List<Candidate> dense = List.of(hit("a", 0.90), hit("bb", 0.85));
        List<Candidate> lexical = List.of(hit("bb", 12.0), hit("dddd", 6.0));
        double[] lexicalOnly = new double[ScoreFusion.FEATURES.size()];
        lexicalOnly[ScoreFusion.FEATURES.indexOf("lexical-share")] = 1;
        List<Candidate> fused = ScoreFusion.fuse(dense, lexical,
                new LinearModel(ScoreFusion.FEATURES, lexicalOnly, 0));
        assertEquals(List.of("bb", "dddd", "a"), fused.stream().map(c -> c.chunkId().equals(hit("bb", 0).chunkId())
                ? "bb" : c.chunkId().equals(hit("dddd", 0).chunkId()) ? "dddd" : "a").toList());
        assertTrue(fused.get(0).score() > fused.get(1).score());
    }
}
