package io.semsearch.answer;

import io.semsearch.answer.span.SentenceFeatures;
import io.semsearch.answer.span.SpanFeatures;
import io.semsearch.common.ClasspathResources;
import io.semsearch.common.LinearModel;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Properties;

/**
 * The learned weights of the extractive answer, read from a properties resource ({@code semsearch.answer.weights},
 * by default {@code answer/weights.properties}, written by {@code scripts/train-answers.sh} from the PIAF train
 * part). Read once: the answer generator and the relevance gate share the bean {@link Producer} makes.
 *
 * @param sentence first ranking of the candidate sentences, by their stored vectors
 * @param rescoredSentence second ranking of the best few, embedded again on their own
 * @param span the short answer among the spans of the best sentences
 * @param minSpanScore no short answer when the best span scores less
 * @param sentenceMargin sentences whose second-ranking score is more than this below the best one's are left out
 * @param relevance the relevance gate's score ({@link RelevanceGate})
 * @param minRelevance abstain when the relevance score is lower
 */
public record AnswerWeights(LinearModel sentence, LinearModel rescoredSentence, LinearModel span, double minSpanScore,
        double sentenceMargin, LinearModel relevance, double minRelevance) {

    public static AnswerWeights load(String resource) {
        Properties p = ClasspathResources.properties(resource);
        return new AnswerWeights(LinearModel.of(p, resource, "sentence", SentenceFeatures.STORED),
                LinearModel.of(p, resource, "rescored-sentence", SentenceFeatures.RESCORED),
                LinearModel.of(p, resource, "span", SpanFeatures.FEATURES),
                Double.parseDouble(p.getProperty("span.min-score", "-1e9").strip()),
                Double.parseDouble(p.getProperty("rescored-sentence.margin", "1").strip()),
                LinearModel.of(p, resource, "relevance", RelevanceGate.FEATURES),
                Double.parseDouble(p.getProperty("relevance.threshold", "0").strip()));
    }

    /** The weights of {@link AnswerConfig#weights()}, read at start. */
    @Singleton
    static final class Producer {

        @Produces
        @Singleton
        AnswerWeights weights(AnswerConfig config) {
            return load(config.weights());
        }
    }
}
