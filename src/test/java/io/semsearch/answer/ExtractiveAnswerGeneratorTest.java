package io.semsearch.answer;

import io.semsearch.common.TextSpan;
import io.semsearch.document.SentenceVectors;
import io.semsearch.search.SearchHit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extractive answer with the learned weights, on passages made here (no model: stored vectors only). */
class ExtractiveAnswerGeneratorTest {

    private static final String FIRST = "Le partenariat a commencé en 2019. Microsoft a investi 13 milliards de "
            + "dollars dans OpenAI depuis cette date. Les deux entreprises restent très liées.";
    private static final String SECOND = "Satya Nadella dirige Microsoft depuis 2014. Il a voulu diversifier les "
            + "partenaires du groupe pour réduire sa dépendance.";

    private final ExtractiveAnswerGenerator generator = new ExtractiveAnswerGenerator(null, config(),
            AnswerWeights.load("answer/weights.properties"));

    @Test
    void aFactualQuestionGetsAShortAnswerWithExactOffsetsInTheCitedPassage() {
        AnswerGenerator.GeneratedAnswer answer = generator.generate("Combien Microsoft a-t-il investi dans OpenAI ?",
                unit(0), passages());
        AnswerGenerator.ShortAnswer shortAnswer = answer.shortAnswer();
        assertNotNull(shortAnswer, answer.text());
        String cited = answer.citations().get(shortAnswer.citation() - 1).passage().text();
        assertEquals(shortAnswer.text(), cited.substring(shortAnswer.start(), shortAnswer.end()));
        assertTrue(shortAnswer.text().contains("13 milliards"), shortAnswer.text());
        // the sentence holding the short answer is cited and highlighted
        AnswerGenerator.Citation citation = answer.citations().get(shortAnswer.citation() - 1);
        assertTrue(citation.highlightStart() <= shortAnswer.start() && shortAnswer.end() <= citation.highlightEnd());
    }

    @Test
    void aQuestionAskingWhyGetsNoShortAnswer() {
        AnswerGenerator.GeneratedAnswer answer = generator.generate(
                "Pourquoi Microsoft a-t-il voulu diversifier ses partenaires ?", unit(0), passages());
        assertTrue(answer.answered());
        assertNull(answer.shortAnswer());
    }

    private static List<SearchHit> passages() {
        return List.of(hit(FIRST, 0), hit(SECOND, 1));
    }

    private static SearchHit hit(String text, int vectorAxis) {
        List<TextSpan> spans = new java.util.ArrayList<>();
        int start = 0;
        for (String sentence : text.split("(?<=\\.) ")) {
            spans.add(new TextSpan(start, start + sentence.length()));
            start += sentence.length() + 1;
        }
        List<float[]> vectors = spans.stream().map(s -> unit(vectorAxis)).toList();
        return new SearchHit(UUID.randomUUID(), UUID.randomUUID(), "s" + vectorAxis + ".txt", null, 0, 0,
                text.length(), text, 1.0, 0.9, new SentenceVectors(spans, vectors));
    }

    private static float[] unit(int axis) {
        float[] v = new float[4];
        v[axis] = 1;
        return v;
    }

    private static AnswerConfig config() {
        return new AnswerConfig() {
            public int maxStreamsPerKey() {
                return 16;
            }

            public int defaultK() {
                return 8;
            }

            public int candidatePassages() {
                return 8;
            }

            public int maxSentences() {
                return 3;
            }

            public int minSentenceLength() {
                return 25;
            }

            public int rescoredSentences() {
                return 0;
            }

            public int shortAnswerSentences() {
                return 3;
            }

            public String weights() {
                return "answer/weights.properties";
            }

            public Optional<Double> minSimilarity() {
                return Optional.empty();
            }
        };
    }
}
