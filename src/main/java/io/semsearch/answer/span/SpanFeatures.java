package io.semsearch.answer.span;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Candidate short answers in a sentence and what tells the right one apart, as features of a linear score (weights
 * learned on the PIAF train part, {@code src/main/resources/answer/weights.properties}): whether the span's shape fits
 * the answer type the question asks for (one feature per type and shape), whether the span repeats the question
 * (answers rarely do) or sits next to the question's words in the sentence, its boundaries, its length, and the score
 * of its sentence.
 *
 * <p>Candidates are the runs of up to {@link #MAX_TOKENS} tokens that neither cross a strong punctuation mark nor
 * start with a conjunction or end with a function word, and the text between quotation marks.
 */
public final class SpanFeatures {

    public static final int MAX_TOKENS = 10;
    private static final int WINDOW = 5;

    public static final List<String> FEATURES = features();

    private static final Set<String> STRONG_PUNCTUATION = Set.of(".", ";", ":", "!", "?", "(", ")", "[", "]", "«",
            "»", "\"", "“", "”", "…", "—", "–");
    private static final Set<String> OPENING_QUOTES = Set.of("«", "“", "\"");
    private static final Set<String> ARTICLES = Set.of("le", "la", "les", "l'", "un", "une", "des", "du", "the", "a",
            "an");
    private static final Set<String> PREPOSITIONS = Set.of("à", "a", "en", "dans", "de", "d'", "par", "pour", "sur",
            "au", "aux", "avec", "chez", "vers", "entre", "sous", "depuis", "pendant", "contre", "selon", "après",
            "avant", "in", "on", "at", "of", "by", "for", "from", "to", "with");
    private static final Set<String> ETRE = Set.of("est", "sont", "était", "étaient", "fut", "furent", "sera",
            "seront", "devient", "devint", "is", "was", "are", "were");
    private static final Set<String> BAD_START = Set.of("et", "ou", "mais", "qui", "que", "qu'", "dont", "car",
            "donc", "puis", "lorsque", "lorsqu'", "quand", "où", "ni", "si", "ne", "n'", "se", "s'", "il", "elle",
            "ils", "elles", "on", "and", "or", "but", "which", "that", "who");
    private static final Set<String> BAD_END = union(ARTICLES, PREPOSITIONS, BAD_START, Set.of("ce", "cette", "ces",
            "son", "sa", "ses", "leur", "leurs", "plus", "très", "ne", "pas", "y", "l'", "d'", "j'", "m'", "t'", "c'",
            "jusqu'", "puisqu'", "est", "a", "ont", "sont", "the", "is"));
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

    private SpanFeatures() {
    }

    /** What the features need to know of the question. */
    public record Question(QuestionAnalysis analysis, Set<String> terms) {

        public static Question of(String text) {
            return new Question(QuestionAnalysis.of(text), LexicalOverlap.terms(text));
        }
    }

    /**
     * The candidate spans of one sentence with their features.
     *
     * @param text the passage text holding the sentence
     * @param sentence index given to the spans
     * @param sentenceScore the sentence's own score
     * @param sentenceRank the sentence's rank among those the spans are taken from, from 0
     */
    public static List<Span> spans(Question question, String text, int sentenceStart, int sentenceEnd, int sentence,
            double sentenceScore, int sentenceRank) {
        List<Token> tokens = Token.tokenize(text, sentenceStart, sentenceEnd);
        List<Set<String>> tokenTerms = tokens.stream().map(t -> t.isWord() ? LexicalOverlap.terms(t.text())
                : Set.<String>of()).toList();
        boolean[] isQuestionWord = questionWords(question, tokenTerms);
        List<Span> spans = new ArrayList<>();
        for (int[] c : candidates(tokens)) {
            spans.add(span(question, text, tokens, tokenTerms, isQuestionWord, c[0], c[1],
                    c[2] == 1 ? SpanShape.QUOTED : null, sentence, sentenceScore, sentenceRank));
        }
        return spans;
    }

    /** Whether the sentence holds a span of a shape the question's type expects that does not repeat the question. */
    public static boolean holdsExpectedShape(Question question, String text, int sentenceStart, int sentenceEnd) {
        Set<SpanShape> expected = question.analysis().type().expectedShapes();
        if (expected.isEmpty()) {
            return false;
        }
        List<Token> tokens = Token.tokenize(text, sentenceStart, sentenceEnd);
        List<Set<String>> tokenTerms = tokens.stream().map(t -> t.isWord() ? LexicalOverlap.terms(t.text())
                : Set.<String>of()).toList();
        boolean[] isQuestionWord = questionWords(question, tokenTerms);
        for (int[] c : candidates(tokens)) {
            boolean repeats = false;
            for (int t = c[0]; t < c[1] && !repeats; t++) {
                repeats = isQuestionWord[t];
            }
            SpanShape shape = c[2] == 1 ? SpanShape.QUOTED : shape(tokens.subList(c[0], c[1]), c[0] == 0);
            if (!repeats && expected.contains(shape)) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] questionWords(Question question, List<Set<String>> tokenTerms) {
        boolean[] isQuestionWord = new boolean[tokenTerms.size()];
        for (int i = 0; i < isQuestionWord.length; i++) {
            isQuestionWord[i] = tokenTerms.get(i).stream().anyMatch(question.terms()::contains);
        }
        return isQuestionWord;
    }

    /** The candidate spans as {first token, end token, 1 when quoted else 0}. */
    private static List<int[]> candidates(List<Token> tokens) {
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!canStart(tokens.get(i))) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(tokens.size(), i + MAX_TOKENS); j++) {
                Token last = tokens.get(j - 1);
                if (STRONG_PUNCTUATION.contains(last.text())) {
                    break;
                }
                if (canEnd(last)) {
                    candidates.add(new int[] {i, j, 0});
                }
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (OPENING_QUOTES.contains(tokens.get(i).text())) {
                for (int j = i + 2; j < Math.min(tokens.size(), i + 2 + MAX_TOKENS + 2); j++) {
                    String closing = tokens.get(j).text();
                    if (closing.equals("»") || closing.equals("”") || closing.equals("\"")) {
                        candidates.add(new int[] {i + 1, j, 1});
                        break;
                    }
                }
            }
        }
        return candidates;
    }

    private static Span span(Question question, String text, List<Token> tokens, List<Set<String>> tokenTerms,
            boolean[] isQuestionWord, int i, int j, SpanShape forcedShape, int sentence, double sentenceScore,
            int sentenceRank) {
        SpanShape shape = forcedShape != null ? forcedShape : shape(tokens.subList(i, j), i == 0);
        double[] f = new double[FEATURES.size()];
        int k = 0;
        f[k++] = sentenceScore;
        f[k++] = sentenceRank == 0 ? 1 : 0;
        AnswerType expected = question.analysis().type();
        for (AnswerType type : AnswerType.values()) {
            if (type == AnswerType.EXPLANATION) {
                continue;
            }
            for (SpanShape s : SpanShape.values()) {
                f[k++] = type == expected && s == shape ? 1 : 0;
            }
        }
        int words = 0;
        int repeated = 0;
        boolean hasComma = false;
        boolean hasNumber = false;
        Set<String> spanTerms = new HashSet<>();
        for (int t = i; t < j; t++) {
            Token token = tokens.get(t);
            if (token.isWord()) {
                words++;
                repeated += isQuestionWord[t] ? 1 : 0;
            }
            hasComma |= token.text().equals(",");
            hasNumber |= token.kind() == Token.Kind.NUMBER;
            spanTerms.addAll(tokenTerms.get(t));
        }
        f[k++] = words == 0 ? 0 : (double) repeated / words;
        f[k++] = i > 0 && isQuestionWord[i - 1] ? 1 : 0;
        f[k++] = j < tokens.size() && isQuestionWord[j] ? 1 : 0;
        Set<String> near = new HashSet<>();
        for (int t = Math.max(0, i - WINDOW); t < Math.min(tokens.size(), j + WINDOW); t++) {
            if (t < i || t >= j) {
                tokenTerms.get(t).stream().filter(question.terms()::contains).forEach(near::add);
            }
        }
        f[k++] = question.terms().isEmpty() ? 0 : (double) near.size() / question.terms().size();
        int distance = 20;
        for (int t = 0; t < tokens.size(); t++) {
            if (isQuestionWord[t] && (t < i || t >= j)) {
                distance = Math.min(distance, t < i ? i - t : t - j + 1);
            }
        }
        f[k++] = Math.log(1 + distance);
        String focus = question.analysis().focus();
        boolean focusBefore = false;
        for (int t = Math.max(0, i - 3); t < i && focus != null; t++) {
            focusBefore |= fold(tokens.get(t).text()).startsWith(focus);
        }
        f[k++] = focusBefore ? 1 : 0;
        boolean containsFocus = false;
        for (int t = i; t < j && focus != null; t++) {
            containsFocus |= fold(tokens.get(t).text()).startsWith(focus);
        }
        f[k++] = containsFocus ? 1 : 0;
        f[k++] = Math.log(j - i);
        f[k++] = j - i == 1 ? 1 : 0;
        String first = lower(tokens.get(i));
        f[k++] = ARTICLES.contains(first) ? 1 : 0;
        f[k++] = PREPOSITIONS.contains(first) ? 1 : 0;
        Token before = i > 0 ? tokens.get(i - 1) : null;
        Token after = j < tokens.size() ? tokens.get(j) : null;
        f[k++] = before == null || before.kind() == Token.Kind.PUNCTUATION ? 1 : 0;
        f[k++] = after == null || after.kind() == Token.Kind.PUNCTUATION ? 1 : 0;
        f[k++] = before != null && PREPOSITIONS.contains(lower(before)) ? 1 : 0;
        f[k++] = before != null && ETRE.contains(lower(before)) ? 1 : 0;
        f[k++] = hasComma ? 1 : 0;
        f[k++] = hasNumber ? 1 : 0;
        f[k++] = tokens.get(i).capitalised() ? 1 : 0;
        f[k++] = spanTerms.isEmpty() ? 1 : 0;
        return new Span(sentence, i, j, tokens.get(i).start(), tokens.get(j - 1).end(),
                text.substring(tokens.get(i).start(), tokens.get(j - 1).end()), shape, f);
    }

    private static List<String> features() {
        List<String> names = new ArrayList<>(List.of("sentence-score", "best-sentence"));
        for (AnswerType type : AnswerType.values()) {
            if (type == AnswerType.EXPLANATION) {
                continue;
            }
            for (SpanShape shape : SpanShape.values()) {
                names.add(type.name().toLowerCase(Locale.ROOT) + "-" + shape.name().toLowerCase(Locale.ROOT));
            }
        }
        names.addAll(List.of("question-word-share", "after-question-word", "before-question-word",
                "question-words-near", "log-distance-to-question-word", "after-focus", "holds-focus", "log-length",
                "one-token", "starts-with-article", "starts-with-preposition", "after-punctuation",
                "before-punctuation", "after-preposition", "after-etre", "holds-comma", "holds-digits",
                "starts-capitalised", "no-content-word"));
        return List.copyOf(names);
    }

    static SpanShape shape(List<Token> tokens, boolean sentenceStart) {
        Token first = tokens.get(0);
        String firstLower = lower(first);
        boolean year = first.kind() == Token.Kind.NUMBER && first.text().matches("1\\d{3}|20\\d{2}");
        boolean month = tokens.stream().anyMatch(t -> MONTHS.contains(lower(t)));
        boolean century = tokens.stream().anyMatch(t -> lower(t).matches("(?:[ivxlc]+|\\d+)(?:e|er|ème|eme)")
                || lower(t).equals("siècle") || lower(t).equals("siècles"));
        if (year || month || (century && tokens.size() <= 4)) {
            return SpanShape.DATE;
        }
        if (first.kind() == Token.Kind.NUMBER || NUMBER_WORDS.contains(firstLower)
                || (tokens.size() > 1 && tokens.get(1).kind() == Token.Kind.NUMBER
                        && Set.of("environ", "plus", "près", "moins", "about", "over").contains(firstLower))) {
            return SpanShape.NUMBER;
        }
        boolean capitalised = first.capitalised() && tokens.get(tokens.size() - 1).capitalised()
                && !(sentenceStart && tokens.size() == 1);
        for (Token t : tokens) {
            capitalised &= t.capitalised() || t.kind() == Token.Kind.NUMBER || PARTICLES.contains(lower(t));
        }
        return capitalised ? SpanShape.CAPITALISED : SpanShape.OTHER;
    }

    private static boolean canStart(Token token) {
        return token.kind() != Token.Kind.PUNCTUATION && !BAD_START.contains(lower(token));
    }

    private static boolean canEnd(Token token) {
        return token.isWord() && !BAD_END.contains(lower(token));
    }

    private static String lower(Token token) {
        return token.text().toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    private static String fold(String word) {
        return Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
