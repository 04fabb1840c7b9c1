package io.semsearch.feedback;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class QuestionKeyTest {

    @Test
    void caseSpacesAndPunctuationDoNotCount() {
        String key = QuestionKey.of("Qui dirige OpenAI ?");
        assertEquals("qui dirige openai", key);
        assertEquals(key, QuestionKey.of("  qui   DIRIGE\topenai?? "));
        assertEquals(key, QuestionKey.of("Qui dirige « OpenAI » ?"));
        assertEquals(key, QuestionKey.of("Qui\u00a0dirige\u202fOpenAI\u00a0?"));
    }

    @Test
    void apostrophesOfEveryKindSeparateTheSameWords() {
        assertEquals("combien l équipe d inflection a t elle coûté",
                QuestionKey.of("Combien l’équipe d’Inflection a-t-elle coûté ?"));
        assertEquals(QuestionKey.of("Combien l’équipe d’Inflection a-t-elle coûté ?"),
                QuestionKey.of("combien l'équipe d'inflection a t elle coûté"));
    }

    @Test
    void accentsDigitsAndWordsStillCount() {
        assertNotEquals(QuestionKey.of("Où est le siège ?"), QuestionKey.of("Ou est le siège ?"));
        assertNotEquals(QuestionKey.of("Combien en 2023 ?"), QuestionKey.of("Combien en 2024 ?"));
        assertEquals("combien 13 milliards de", QuestionKey.of("Combien: 13 milliards de $ ?"));
        // a composed and a decomposed é are one letter
        assertEquals(QuestionKey.of("Qu’a levé Mistral ?"), QuestionKey.of("Qu’a leve\u0301 Mistral ?"));
    }

    @Test
    void aQuestionOfPunctuationOnlyIsEmpty() {
        assertEquals("", QuestionKey.of(" ?! … "));
    }
}
