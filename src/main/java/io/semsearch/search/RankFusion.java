package io.semsearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pure ranking logic: Reciprocal Rank Fusion and per-document diversification. */
final class RankFusion {

    private RankFusion() {
    }

    /**
     * Weighted Reciprocal Rank Fusion: a chunk's score is the sum over the lists that hold it of
     * {@code weight / (k + rank)}, rank counted from 1. Ties keep the order of first appearance, lists taken in turn.
     */
    static List<Candidate> reciprocalRankFusion(List<List<Candidate>> rankings, List<Double> weights, int k) {
        Map<UUID, Candidate> first = new LinkedHashMap<>();
        Map<UUID, Double> scores = new LinkedHashMap<>();
        int longest = rankings.stream().mapToInt(List::size).max().orElse(0);
        for (int rank = 0; rank < longest; rank++) {
            for (int list = 0; list < rankings.size(); list++) {
                List<Candidate> ranking = rankings.get(list);
                if (rank >= ranking.size()) {
                    continue;
                }
                Candidate hit = ranking.get(rank);
                first.putIfAbsent(hit.chunkId(), hit);
                scores.merge(hit.chunkId(), weights.get(list) / (k + rank + 1), Double::sum);
            }
        }
        List<Candidate> fused = new ArrayList<>(first.size());
        first.forEach((id, hit) -> fused.add(hit.withScore(scores.get(id))));
        fused.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return fused;
    }

    /**
     * The best {@code k} hits such that no two overlap and no document has more than {@code maxPerDocument}, so that
     * the neighbouring chunks of one document do not crowd out the others. When too few hits remain, the passed-over
     * non-overlapping ones fill up the list in rank order.
     */
    static List<Candidate> diversify(List<Candidate> ranked, int k, int maxPerDocument) {
        List<Candidate> chosen = new ArrayList<>();
        List<Candidate> passedOver = new ArrayList<>();
        Map<UUID, Integer> perDocument = new LinkedHashMap<>();
        for (Candidate hit : ranked) {
            if (chosen.size() == k) {
                break;
            }
            if (chosen.stream().anyMatch(hit::overlaps)) {
                continue;
            }
            if (perDocument.getOrDefault(hit.documentId(), 0) >= maxPerDocument) {
                passedOver.add(hit);
                continue;
            }
            chosen.add(hit);
            perDocument.merge(hit.documentId(), 1, Integer::sum);
        }
        for (Candidate hit : passedOver) {
            if (chosen.size() == k) {
                break;
            }
            if (chosen.stream().noneMatch(hit::overlaps)) {
                chosen.add(hit);
            }
        }
        if (chosen.size() > 1) {
            List<Candidate> ordered = new ArrayList<>(chosen);
            ordered.sort(Comparator.comparingInt(h -> ranked.indexOf(h)));
            return ordered;
        }
        return chosen;
    }
}
