package io.semsearch.answer.span;

import java.util.List;
import java.util.Set;

/** The surface form of a candidate span, as far as it can be told without a tagger. */
public enum SpanShape {
    /** Starts with a date: a year (1000–2099), a day and month, a month, a century ("XIXe siècle"). */
    DATE,
    /** Starts with a number, in digits or in words ("13 milliards de dollars", "vingt mètres", "3 %"). */
    NUMBER,
    /** Every word capitalised, particles aside ("Satya Nadella", "Football Club de Roubaix"). */
    CAPITALISED,
    /** The whole text between quotation marks. */
    QUOTED,
    /** Anything else. */
    OTHER;

    private static final Set<String> PARTICLES = Set.of("de", "du", "des", "d'", "la", "le", "les", "l'", "von",
            "van", "der", "den", "di", "da", "del", "y", "et", "of", "the", "and", "-");
    private static final Set<String> NUMBER_WORDS = Set.of("deux", "trois", "quatre", "cinq", "six",
            "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "trente",
            "quarante", "cinquante", "soixante", "cent", "cents", "mille", "million", "millions", "milliard",
            "milliards", "dizaine", "dizaines", "centaine", "centaines", "millier", "milliers", "moitié", "tiers",
            "quart", "two", "three", "four", "five", "seven", "eight", "nine", "ten", "hundred", "thousand", "billion");
    private static final Set<String> MONTHS = Set.of("janvier", "février", "fevrier", "mars", "avril", "mai", "juin",
            "juillet", "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre", "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december");

    /**
     * The shape of a span.
     *
     * @param tokens the span's tokens
     * @param sentenceStart whether the span starts its sentence (where any word is capitalised)
     */
    static SpanShape of(List<Token> tokens, boolean sentenceStart) {
        Token first = tokens.get(0);
        String firstLower = first.lower();
        boolean year = first.kind() == Token.Kind.NUMBER && first.text().matches("1\\d{3}|20\\d{2}");
        boolean month = tokens.stream().anyMatch(t -> MONTHS.contains(t.lower()));
        boolean century = tokens.stream().anyMatch(t -> t.lower().matches("(?:[ivxlc]+|\\d+)(?:e|er|ème|eme)")
                || t.lower().equals("siècle") || t.lower().equals("siècles"));
        if (year || month || (century && tokens.size() <= 4)) {
            return DATE;
        }
        if (first.kind() == Token.Kind.NUMBER || NUMBER_WORDS.contains(firstLower)
                || (tokens.size() > 1 && tokens.get(1).kind() == Token.Kind.NUMBER
                        && Set.of("environ", "plus", "près", "moins", "about", "over").contains(firstLower))) {
            return NUMBER;
        }
        boolean capitalised = first.capitalised() && tokens.get(tokens.size() - 1).capitalised()
                && !(sentenceStart && tokens.size() == 1);
        for (Token t : tokens) {
            capitalised &= t.capitalised() || t.kind() == Token.Kind.NUMBER || PARTICLES.contains(t.lower());
        }
        return capitalised ? CAPITALISED : OTHER;
    }
}

