package io.semsearch.answer;

import io.semsearch.search.SearchHit;

import java.util.ArrayList;
import java.util.List;

/** What scripts/train-answers.sh needs of the extractive answer: each candidate sentence with its first-ranking features. */
public final class AnswerTrainingData {

    private AnswerTrainingData() {
    }

    /**
     * A candidate sentence.
     *
     * @param passage index of its passage among the retrieved ones
     * @param ownCosine its own vector's similarity to the question, null when it was not embedded again
     */
    public record Sentence(int passage, int start, int end, double[] stored, Double ownCosine) {
    }

    /** The candidate sentences of a question; the best {@code rescored} by the first ranking are embedded again. */
    public static List<Sentence> sentences(ExtractiveAnswerGenerator generator, String question, float[] vector,
            List<SearchHit> passages, int rescored) {
        ExtractiveAnswerGenerator.Ranking ranking = generator.rank(question, vector, passages, rescored);
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < ranking.candidates().size(); i++) {
            ExtractiveAnswerGenerator.Candidate c = ranking.candidates().get(i);
            double own = ranking.ownCosines()[i];
            sentences.add(new Sentence(passages.indexOf(c.passage()), c.span().start(), c.span().end(),
                    ranking.storedFeatures().get(i), Double.isNaN(own) ? null : own));
        }
        return sentences;
    }
}
