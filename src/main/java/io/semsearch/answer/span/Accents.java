package io.semsearch.answer.span;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Accents taken off words, so that "élu" and "elu" match. */
final class Accents {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Accents() {
    }

    /** The text decomposed (NFD) without its combining marks; case is kept. */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }
}
