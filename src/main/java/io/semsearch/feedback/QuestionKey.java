package io.semsearch.feedback;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form under which the report groups questions: lower case, punctuation and symbols as spaces, runs of spaces as
 * one, so that "Qui dirige OpenAI ?" and "qui dirige  openai" count as one question. Accents are kept: they are part
 * of French words.
 */
public final class QuestionKey {

    private static final Pattern NOT_WORD = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\p{Cc}\\p{Cf}\\s]+");

    private QuestionKey() {
    }

    public static String of(String question) {
        String composed = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(composed).replaceAll(" ").strip();
    }
}
