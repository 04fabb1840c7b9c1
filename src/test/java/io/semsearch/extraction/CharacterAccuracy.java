package io.semsearch.extraction;

import java.text.Normalizer;

/**
 * Character accuracy of recognised text against its reference, as OCR evaluations count it:
 * 1 − (Levenshtein distance / reference length), both texts in NFKC with every run of white space as one space (line
 * breaks and layout are not characters read), typographic apostrophes and quotes as ASCII ones.
 */
final class CharacterAccuracy {

    private CharacterAccuracy() {
    }

    static double of(String recognized, String reference) {
        String a = normalize(recognized);
        String b = normalize(reference);
        if (b.isEmpty()) {
            return a.isEmpty() ? 1 : 0;
        }
        return Math.max(0, 1 - distance(a, b) / (double) b.length());
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\u2018\u2019\u02BC]", "'").replaceAll("[\u201C\u201D\u00AB\u00BB]", "\"")
                .replaceAll("[\u2022\u25CF\u00B7]", "")
                .replaceAll("\\s+", " ").strip();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
