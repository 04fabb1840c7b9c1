package io.semsearch.answer.span;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexicalOverlapTest {

    @Test
    void termsFoldAccentsDropFunctionWordsAndStem() {
        assertEquals(Set.of("micro", "inves", "opena"),
                LexicalOverlap.terms("Combien Microsoft a-t-il investi dans OpenAI ?"));
        assertEquals(LexicalOverlap.terms("évaluée"), LexicalOverlap.terms("EVALUEE"));
        assertTrue(LexicalOverlap.terms("en 2019").contains("2019"));
    }

    @Test
    void overlapIsTheShareOfQuestionTermWeightFound() {
        Set<String> question = LexicalOverlap.terms("Combien Microsoft a-t-il investi dans OpenAI ?");
        List<Double> overlaps = LexicalOverlap.rarityWeightedOverlaps(question, List.of(
                "Microsoft a investi 13 milliards dans OpenAI.", "La météo de demain.", "Un tout autre sujet."));
        assertEquals(1.0, overlaps.get(0), 1e-9);
        assertEquals(0.0, overlaps.get(1), 1e-9);
        assertEquals(List.of(0.0), LexicalOverlap.rarityWeightedOverlaps(Set.of(), List.of("Microsoft")));
    }

    @Test
    void rareTermsWeighMoreThanTermsEveryCandidateHolds() {
        Set<String> question = LexicalOverlap.terms("Qui est le patron de Microsoft ?");
        List<Double> overlaps = LexicalOverlap.rarityWeightedOverlaps(question, List.of(
                "Microsoft a recruté l’équipe d’Inflection.",
                "Le patron de Microsoft Satya Nadella s’inquiète.",
                "Microsoft investit dans le cloud.",
                "Microsoft et OpenAI s’éloignent."));
        assertEquals(1.0, overlaps.get(1), 1e-9);
        // unweighted, "Microsoft" alone would be half of the question
        assertTrue(overlaps.get(0) < 0.4, overlaps.toString());
    }
}
