package io.semsearch.answer;

import io.semsearch.answer.span.LexicalOverlap;
import io.semsearch.common.LinearModel;
import io.semsearch.search.SearchHit;

import java.util.List;
import java.util.Set;

/**
 * Whether the retrieved passages are relevant enough to answer from: a linear score over how far the best passage's
 * cosine similarity is above the model's calibrated similarity ({@code answer.min-similarity} of its descriptor) and
 * how much of the question's words the passages hold. Weights and threshold are fitted on a calibration set (PIAF
 * train questions against the whole store, generated off-topic questions and PIAF train questions against the sample
 * articles alone) by {@code scripts/train-answers.sh}; docs/calibration.md explains how.
 */
public final class RelevanceGate {

    public static final List<String> FEATURES = List.of("similarity-margin", "first-passage-word-share",
            "best-word-share", "similarity-margin-x-word-share");

    private RelevanceGate() {
    }

    /**
     * What the gate measures of one retrieval.
     *
     * @param bestSimilarity the best cosine similarity among the passages (0 without passages)
     * @param minSimilarity the model's calibrated similarity
     * @param firstPassageWordShare share of the question's words the first passage holds
     * @param bestWordShare the largest share of the question's words one passage holds
     */
    public record Relevance(double bestSimilarity, double minSimilarity, double firstPassageWordShare,
            double bestWordShare) {

        public double margin() {
            return bestSimilarity - minSimilarity;
        }

        /** The values of {@link #FEATURES}, in their order. */
        public double[] features() {
            return new double[] {margin(), firstPassageWordShare, bestWordShare, margin() * bestWordShare};
        }

        /** Whether to answer: the score reaches the model's threshold. */
        public boolean relevant(LinearModel model, double threshold) {
            return model.score(features()) >= threshold;
        }
    }

    /**
     * @param question the text that was searched
     * @param passages retrieved passages, best first, with their cosine similarity to the question
     * @param minSimilarity the model's calibrated similarity
     */
    public static Relevance measure(String question, List<SearchHit> passages, double minSimilarity) {
        return measure(question, passages.stream().map(SearchHit::text).toList(),
                passages.stream().mapToDouble(SearchHit::similarity).max().orElse(0), minSimilarity);
    }

    /** The measures from the passages' texts (best first) and the best cosine similarity among them. */
    public static Relevance measure(String question, List<String> passages, double bestSimilarity,
            double minSimilarity) {
        Set<String> terms = LexicalOverlap.terms(question);
        double first = 0;
        double best = 0;
        for (int i = 0; i < passages.size(); i++) {
            double share = share(terms, LexicalOverlap.terms(passages.get(i)));
            first = i == 0 ? share : first;
            best = Math.max(best, share);
        }
        return new Relevance(bestSimilarity, minSimilarity, first, best);
    }

    private static double share(Set<String> questionTerms, Set<String> passageTerms) {
        if (questionTerms.isEmpty()) {
            return 0;
        }
        long held = questionTerms.stream().filter(passageTerms::contains).count();
        return (double) held / questionTerms.size();
    }
}
