package io.semsearch.bench;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQuAD's exact match and token F1 of a predicted answer against reference answers (the best over references), with
 * French normalisation: lower case, accents removed, punctuation removed, the articles le, la, les, l', un, une, des
 * removed, spaces collapsed.
 */
final class SquadMetric {

    private static final Set<String> ARTICLES = Set.of("le", "la", "les", "l", "un", "une", "des");

    private SquadMetric() {
    }

    static List<String> tokens(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return folded.isEmpty() ? List.of()
                : Arrays.stream(folded.split(" ")).filter(t -> !ARTICLES.contains(t)).toList();
    }

    static boolean exactMatch(String prediction, List<String> references) {
        List<String> p = tokens(prediction);
        return references.stream().anyMatch(r -> tokens(r).equals(p));
    }

    static double f1(String prediction, List<String> references) {
        List<String> p = tokens(prediction);
        return references.stream().mapToDouble(r -> f1(p, tokens(r))).max().orElse(0);
    }

    static double f1(List<String> prediction, List<String> reference) {
        if (prediction.isEmpty() || reference.isEmpty()) {
            return prediction.equals(reference) ? 1 : 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        reference.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : prediction) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                common++;
                counts.put(t, c - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / prediction.size();
        double recall = (double) common / reference.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** Whether the text holds one of the references (case-insensitive), as the answer-sentence measure counts it. */
    static boolean holds(String text, List<String> references) {
        String haystack = text.toLowerCase(Locale.ROOT);
        return references.stream().anyMatch(r -> haystack.contains(r.toLowerCase(Locale.ROOT).strip()));
    }
}
