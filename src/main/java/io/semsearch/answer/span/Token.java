package io.semsearch.answer.span;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token of a sentence with its offsets in the passage text: a word, a number (digit groups of a French number
 * such as "3 190" or "6,6" are one token), an elided article or pronoun ("l'", "d'", "qu'") or a punctuation mark.
 */
public record Token(int start, int end, String text, Kind kind) {

    public enum Kind { WORD, NUMBER, ELISION, PUNCTUATION }

    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>\\d+(?:[ \\u00A0\\u202F]\\d{3}(?!\\d))*(?:[.,]\\d+)?)"
                    + "|(?<elision>(?i:jusqu|lorsqu|puisqu|quoiqu|qu|[ldjmnstc])['’](?=\\p{L}))"
                    + "|(?<word>[\\p{L}\\p{M}\\p{N}]+(?:[-'’][\\p{L}\\p{M}\\p{N}]+)*)"
                    + "|(?<punctuation>\\S)");

    /** The tokens of {@code text} between {@code from} and {@code to}, offsets into {@code text}. */
    public static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(from, to);
        while (m.find()) {
            Kind kind = m.group("number") != null ? Kind.NUMBER
                    : m.group("elision") != null ? Kind.ELISION
                    : m.group("word") != null ? Kind.WORD : Kind.PUNCTUATION;
            tokens.add(new Token(m.start(), m.end(), m.group(), kind));
        }
        return tokens;
    }

    /** The text in lower case, with plain apostrophes. */
    public String lower() {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    public boolean isWord() {
        return kind == Kind.WORD || kind == Kind.NUMBER;
    }

    /** Starts with an upper-case letter. */
    public boolean capitalised() {
        return kind == Kind.WORD && Character.isUpperCase(text.codePointAt(0));
    }
}
