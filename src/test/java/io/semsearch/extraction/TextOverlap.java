package io.semsearch.extraction;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Character-weighted overlap of two texts' word multisets: both are cut into words (NFKC, lower case, runs of letters
 * or digits), each word weighs its length in characters, and the overlap counts each word as often as it occurs in
 * both. Precision is the share of the extracted characters that the reference has (1 - precision is the boilerplate
 * let through), recall the share of the reference's characters that were extracted. Word order is ignored, so a
 * word of the reference that also occurs in boilerplate is counted once per occurrence, not per place.
 */
record TextOverlap(long extracted, long reference, long common) {

    static TextOverlap of(String extractedText, String referenceText) {
        Map<String, Integer> a = words(extractedText);
        Map<String, Integer> b = words(referenceText);
        long common = 0;
        for (Map.Entry<String, Integer> entry : a.entrySet()) {
            Integer other = b.get(entry.getKey());
            if (other != null) {
                common += (long) Math.min(entry.getValue(), other) * entry.getKey().length();
            }
        }
        return new TextOverlap(weight(a), weight(b), common);
    }

    TextOverlap plus(TextOverlap other) {
        return new TextOverlap(extracted + other.extracted, reference + other.reference, common + other.common);
    }

    double precision() {
        return extracted == 0 ? 0 : common / (double) extracted;
    }

    double recall() {
        return reference == 0 ? 0 : common / (double) reference;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static Map<String, Integer> words(String text) {
        Map<String, Integer> counts = new HashMap<>();
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean word = i < normalized.length() && Character.isLetterOrDigit(normalized.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                counts.merge(normalized.substring(start, i), 1, Integer::sum);
                start = -1;
            }
        }
        return counts;
    }

    private static long weight(Map<String, Integer> counts) {
        long total = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            total += (long) entry.getValue() * entry.getKey().length();
        }
        return total;
    }
}
