package io.semsearch.search;

import io.semsearch.common.LinearModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Learned fusion of the dense and lexical rankings: each chunk either retriever returned gets a linear score over
 * features of its two scores, normalised per query (the gap to the best cosine similarity, the share of the best
 * BM25), its two ranks, and how sure each retriever is (the lead of its first hit over its second). The weights are
 * fitted on the PIAF train part by {@code scripts/train-answers.sh} and read from
 * {@code src/main/resources/search/fusion-weights.properties}.
 */
final class ScoreFusion {

    static final String WEIGHTS_PREFIX = "fusion";

    /** The features, in the order of {@link #features}. */
    static final List<String> FEATURES = List.of(
            "dense-gap",                 // best cosine similarity minus this one's (the list's last when absent)
            "dense-reciprocal-rank",     // 1 / rank in the dense list, 0 when absent
            "lexical-share",             // BM25 / best BM25 of the query, 0 when absent
            "lexical-reciprocal-rank",   // 1 / rank in the lexical list, 0 when absent
            "in-both",                   // 1 when both retrievers returned it
            "lexical-share-x-lead",      // lexical-share × (best BM25 - second) / best BM25
            "dense-rank-x-lead");        // dense-reciprocal-rank × (best cosine - second) × 100

    private ScoreFusion() {
    }

    /** The chunks of both rankings, once each, best fused score first (ties: first seen, dense list first). */
    static List<Candidate> fuse(List<Candidate> dense, List<Candidate> lexical, LinearModel model) {
        List<Candidate> fused = new ArrayList<>();
        for (Map.Entry<Candidate, double[]> row : features(dense, lexical).entrySet()) {
            fused.add(row.getKey().withScore(model.score(row.getValue())));
        }
        fused.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return fused;
    }

    /**
     * Every chunk of the two rankings (each best first, as the retrievers return them) with its feature values, in
     * order of first appearance; the candidates carry both retrievers' scores.
     */
    static Map<Candidate, double[]> features(List<Candidate> dense, List<Candidate> lexical) {
        Map<UUID, Integer> denseRank = ranks(dense);
        Map<UUID, Integer> lexicalRank = ranks(lexical);
        Map<UUID, Candidate> union = new LinkedHashMap<>();
        dense.forEach(c -> union.putIfAbsent(c.chunkId(), c));
        lexical.forEach(c -> union.putIfAbsent(c.chunkId(), c));
        double bestDense = dense.isEmpty() ? 0 : dense.get(0).score();
        double lastDense = dense.isEmpty() ? 0 : dense.get(dense.size() - 1).score();
        double denseLead = dense.size() < 2 ? 0 : dense.get(0).score() - dense.get(1).score();
        double bestLexical = lexical.isEmpty() ? 0 : lexical.get(0).score();
        double lexicalLead = lexical.size() < 2 || bestLexical <= 0 ? 0
                : (bestLexical - lexical.get(1).score()) / bestLexical;
        Map<Candidate, double[]> rows = new LinkedHashMap<>();
        for (Candidate c : union.values()) {
            Integer d = denseRank.get(c.chunkId());
            Integer l = lexicalRank.get(c.chunkId());
            double denseScore = d == null ? Double.NaN : dense.get(d).score();
            double lexicalScore = l == null ? Double.NaN : lexical.get(l).score();
            double denseReciprocal = d == null ? 0 : 1.0 / (d + 1);
            double lexicalShare = l == null || bestLexical <= 0 ? 0 : lexicalScore / bestLexical;
            rows.put(new Candidate(c.chunkId(), c.documentId(), c.start(), c.end(), c.score(), denseScore,
                    lexicalScore), new double[] {
                        bestDense - (d == null ? lastDense : denseScore),
                        denseReciprocal,
                        lexicalShare,
                        l == null ? 0 : 1.0 / (l + 1),
                        d != null && l != null ? 1 : 0,
                        lexicalShare * lexicalLead,
                        denseReciprocal * denseLead * 100});
        }
        return rows;
    }

    private static Map<UUID, Integer> ranks(List<Candidate> ranking) {
        Map<UUID, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ranking.size(); i++) {
            ranks.putIfAbsent(ranking.get(i).chunkId(), i);
        }
        return ranks;
    }
}
