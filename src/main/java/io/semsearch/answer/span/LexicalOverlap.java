package io.semsearch.answer.span;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Share of a question's content words found in a sentence: accents and case folded, French function words and
 * question words ignored, words compared on their first five letters (a crude stemmer that matches "investi" with
 * "investissement" and "levé" with "lever").
 */
public final class LexicalOverlap {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int STEM = 5;
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "à", "ai", "au", "aux", "avec", "ce", "ces", "cet", "cette", "ceux", "d", "dans", "de", "des", "du",
            "elle", "elles", "en", "est", "et", "été", "être", "eu", "il", "ils", "je", "l", "la", "le", "les", "leur",
            "leurs", "lui", "m", "ma", "mais", "me", "mes", "moi", "mon", "n", "ne", "ni", "nos", "notre", "nous", "on",
            "ont", "ou", "où", "par", "pas", "pour", "qu", "que", "quel", "quelle", "quelles", "quels", "qui", "quoi",
            "s", "sa", "se", "ses", "son", "sont", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos",
            "votre", "vous", "y", "combien", "comment", "pourquoi", "quand", "lequel", "laquelle", "lesquels", "est-ce",
            "fait", "faire", "avoir", "etre", "plus", "moins", "tres", "aussi", "selon", "depuis",
            "the", "of", "and", "to", "in", "is", "what", "who", "how", "when", "which", "did", "does", "do");

    private LexicalOverlap() {
    }

    /** The content terms of a text, in order of first appearance. */
    public static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String term = term(matcher.group());
            if (term != null) {
                terms.add(term);
            }
        }
        return terms;
    }

    /** The term a word counts as (folded, stemmed), null for function words and single letters. */
    public static String term(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (STOP_WORDS.contains(lower)) {
            return null;
        }
        String folded = Accents.fold(lower);
        if (folded.isEmpty() || STOP_WORDS.contains(folded)
                || (folded.length() < 2 && !Character.isDigit(folded.charAt(0)))) {
            return null;
        }
        return folded.length() > STEM ? folded.substring(0, STEM) : folded;
    }

    /**
     * Share, from 0 to 1, of the question's term weight that the sentence holds, each term weighted by how rare it
     * is among the candidate sentences: {@code ln(1 + n / (1 + df))}. A word every candidate holds tells none apart.
     */
    public static List<Double> rarityWeightedOverlaps(Set<String> questionTerms, List<String> sentences) {
        List<Set<String>> sentenceTerms = sentences.stream().map(LexicalOverlap::terms).toList();
        Map<String, Double> weight = new HashMap<>();
        for (String term : questionTerms) {
            long df = sentenceTerms.stream().filter(t -> t.contains(term)).count();
            weight.put(term, Math.log(1 + (double) sentences.size() / (1 + df)));
        }
        return sentenceTerms.stream().map(t -> weightedOverlap(questionTerms, t, weight::get)).toList();
    }

    private static double weightedOverlap(Set<String> questionTerms, Set<String> sentenceTerms,
            java.util.function.ToDoubleFunction<String> weight) {
        double total = 0;
        double shared = 0;
        for (String term : questionTerms) {
            double w = weight.applyAsDouble(term);
            total += w;
            if (sentenceTerms.contains(term)) {
                shared += w;
            }
        }
        return total > 0 ? shared / total : 0;
    }
}
