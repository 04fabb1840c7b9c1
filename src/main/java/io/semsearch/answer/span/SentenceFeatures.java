package io.semsearch.answer.span;

import java.util.List;

/**
 * What makes a sentence the answer, as features of two linear scores (weights learned on the PIAF train part): first
 * over every candidate sentence with the vector stored at indexing ({@link #STORED}), then over the best few
 * embedded again on their own ({@link #RESCORED}, which adds that vector's cosine similarity).
 */
public final class SentenceFeatures {

    /** Features of the first ranking, in the order of {@link #stored}. */
    public static final List<String> STORED = List.of("stored-cosine", "word-overlap", "passage-reciprocal-rank",
            "holds-expected-shape", "lacks-expected-shape", "log-length");

    /** Features of the second ranking: the sentence's own cosine similarity, then those of the first. */
    public static final List<String> RESCORED = List.of("own-cosine", "stored-cosine", "word-overlap",
            "passage-reciprocal-rank", "holds-expected-shape", "lacks-expected-shape", "log-length");

    private SentenceFeatures() {
    }

    /**
     * @param storedCosine cosine similarity of the question and the sentence's stored vector
     * @param overlap rarity-weighted share of the question's words in the sentence ({@link LexicalOverlap})
     * @param passageRank rank of the sentence's passage in the retrieval, from 0
     */
    public static double[] stored(SpanFeatures.Question question, String text, int start, int end, double storedCosine,
            double overlap, int passageRank) {
        boolean typed = !question.analysis().type().expectedShapes().isEmpty();
        boolean holds = typed && SpanFeatures.holdsExpectedShape(question, text, start, end);
        return new double[] {storedCosine, overlap, 1.0 / (passageRank + 1), holds ? 1 : 0, typed && !holds ? 1 : 0,
            Math.log(Math.max(1, end - start))};
    }

    /** The second ranking's features: the own vector's cosine similarity before the first ranking's features. */
    public static double[] rescored(double ownCosine, double[] stored) {
        double[] f = new double[stored.length + 1];
        f[0] = ownCosine;
        System.arraycopy(stored, 0, f, 1, stored.length);
        return f;
    }
}
