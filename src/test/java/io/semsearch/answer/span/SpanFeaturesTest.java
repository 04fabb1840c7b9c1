package io.semsearch.answer.span;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpanFeaturesTest {

    private static final String PASSAGE = "Titre. En 2019, Microsoft a investi 13 milliards de dollars dans OpenAI, "
            + "dirigée par Sam Altman. Fin.";
    private static final int SENTENCE_START = PASSAGE.indexOf("En 2019");
    private static final int SENTENCE_END = PASSAGE.indexOf(" Fin.");

    private static List<Span> spans(String question) {
        return SpanFeatures.spans(SpanFeatures.Question.of(question), PASSAGE, SENTENCE_START, SENTENCE_END, 0, 1.0,
                0);
    }

    private static Span find(List<Span> spans, String text) {
        return spans.stream().filter(s -> s.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + text + " in " + spans.stream().map(Span::text).toList()));
    }

    @Test
    void offsetsPointIntoThePassageText() {
        for (Span span : spans("Combien Microsoft a-t-il investi dans OpenAI ?")) {
            assertEquals(span.text(), PASSAGE.substring(span.start(), span.end()));
            assertTrue(span.start() >= SENTENCE_START && span.end() <= SENTENCE_END, span.toString());
        }
        Span amount = find(spans("Combien Microsoft a-t-il investi ?"), "13 milliards de dollars");
        assertEquals(PASSAGE.indexOf("13 milliards"), amount.start());
        assertEquals(PASSAGE.indexOf(" dans OpenAI"), amount.end());
    }

    @Test
    void shapesTellNumbersDatesAndNames() {
        List<Span> spans = spans("Qui dirige OpenAI ?");
        assertEquals(SpanShape.NUMBER, find(spans, "13 milliards de dollars").shape());
        assertEquals(SpanShape.DATE, find(spans, "2019").shape());
        assertEquals(SpanShape.CAPITALISED, find(spans, "Sam Altman").shape());
        assertEquals(SpanShape.OTHER, find(spans, "dollars").shape());
    }

    @Test
    void spansNeitherEndWithAFunctionWordNorCrossStrongPunctuation() {
        List<String> texts = spans("Combien ?").stream().map(Span::text).toList();
        assertFalse(texts.contains("13 milliards de"));
        assertFalse(texts.stream().anyMatch(t -> t.contains(".")));
        assertTrue(texts.contains("OpenAI, dirigée par Sam Altman"));
    }

    @Test
    void theTypeMatchFeatureIsSetForTheExpectedShapeOnly() {
        int numberNumber = SpanFeatures.FEATURES.indexOf("number-number");
        List<Span> spans = spans("Combien Microsoft a-t-il investi ?");
        assertEquals(1.0, find(spans, "13 milliards de dollars").features()[numberNumber]);
        assertEquals(0.0, find(spans, "Sam Altman").features()[numberNumber]);
        int repeated = SpanFeatures.FEATURES.indexOf("question-word-share");
        assertEquals(1.0, find(spans, "Microsoft").features()[repeated]);
    }
}
