package io.semsearch.answer.span;

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
        Words words = Words.of(question, text, sentenceStart, sentenceEnd);
        List<Span> spans = new ArrayList<>();
        for (Candidate c : candidates(words.tokens())) {
            SpanShape shape = words.shape(c);
            List<Token> tokens = words.tokens();
            spans.add(new Span(sentence, c.first(), c.end(), tokens.get(c.first()).start(),
                    tokens.get(c.end() - 1).end(), text.substring(tokens.get(c.first()).start(),
                            tokens.get(c.end() - 1).end()), shape,
                    features(question, words, c, shape, sentenceScore, sentenceRank)));
        }
        return spans;
    }

    /** Whether the sentence holds a span of a shape the question's type expects that does not repeat the question. */
    public static boolean holdsExpectedShape(Question question, String text, int sentenceStart, int sentenceEnd) {
        Set<SpanShape> expected = question.analysis().type().expectedShapes();
        if (expected.isEmpty()) {
            return false;
        }
        Words words = Words.of(question, text, sentenceStart, sentenceEnd);
        for (Candidate c : candidates(words.tokens())) {
            boolean repeats = false;
            for (int t = c.first(); t < c.end() && !repeats; t++) {
                repeats = words.isQuestionWord()[t];
            }
            if (!repeats && expected.contains(words.shape(c))) {
                return true;
            }
        }
        return false;
    }

    /** A candidate span: tokens {@code first} to {@code end} (excluded); quoted: the text between quotation marks. */
    private record Candidate(int first, int end, boolean quoted) {
    }

    /** A sentence's tokens, the terms of each and whether it is one of the question's words. */
    private record Words(List<Token> tokens, List<Set<String>> terms, boolean[] isQuestionWord) {

        static Words of(Question question, String text, int sentenceStart, int sentenceEnd) {
            List<Token> tokens = Token.tokenize(text, sentenceStart, sentenceEnd);
            List<Set<String>> terms = tokens.stream().map(t -> t.isWord() ? LexicalOverlap.terms(t.text())
                    : Set.<String>of()).toList();
            boolean[] isQuestionWord = new boolean[terms.size()];
            for (int i = 0; i < isQuestionWord.length; i++) {
                isQuestionWord[i] = terms.get(i).stream().anyMatch(question.terms()::contains);
            }
            return new Words(tokens, terms, isQuestionWord);
        }

        SpanShape shape(Candidate c) {
            return c.quoted() ? SpanShape.QUOTED
                    : SpanShape.of(tokens.subList(c.first(), c.end()), c.first() == 0);
        }
    }

    private static List<Candidate> candidates(List<Token> tokens) {
        List<Candidate> candidates = new ArrayList<>();
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
                    candidates.add(new Candidate(i, j, false));
                }
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (OPENING_QUOTES.contains(tokens.get(i).text())) {
                for (int j = i + 2; j < Math.min(tokens.size(), i + 2 + MAX_TOKENS + 2); j++) {
                    String closing = tokens.get(j).text();
                    if (closing.equals("»") || closing.equals("”") || closing.equals("\"")) {
                        candidates.add(new Candidate(i + 1, j, true));
                        break;
                    }
                }
            }
        }
        return candidates;
    }

    /** The values of {@link #FEATURES}, in their order. */
    private static double[] features(Question question, Words words, Candidate c, SpanShape shape,
            double sentenceScore, int sentenceRank) {
        Values f = new Values();
        f.add(sentenceScore);
        f.add(sentenceRank == 0);
        AnswerType expected = question.analysis().type();
        for (AnswerType type : AnswerType.values()) {
            if (type == AnswerType.EXPLANATION) {
                continue;
            }
            for (SpanShape s : SpanShape.values()) {
                f.add(type == expected && s == shape);
            }
        }
        questionWordFeatures(f, question, words, c);
        focusFeatures(f, question.analysis().focus(), words.tokens(), c);
        formFeatures(f, words, c);
        return f.values;
    }

    /** How the span stands to the question's words: repeats them, follows or precedes them, lies near them. */
    private static void questionWordFeatures(Values f, Question question, Words words, Candidate c) {
        int i = c.first();
        int j = c.end();
        boolean[] isQuestionWord = words.isQuestionWord();
        int wordCount = 0;
        int repeated = 0;
        for (int t = i; t < j; t++) {
            if (words.tokens().get(t).isWord()) {
                wordCount++;
                repeated += isQuestionWord[t] ? 1 : 0;
            }
        }
        f.add(wordCount == 0 ? 0 : (double) repeated / wordCount);
        f.add(i > 0 && isQuestionWord[i - 1]);
        f.add(j < isQuestionWord.length && isQuestionWord[j]);
        Set<String> near = new HashSet<>();
        for (int t = Math.max(0, i - WINDOW); t < Math.min(isQuestionWord.length, j + WINDOW); t++) {
            if (t < i || t >= j) {
                words.terms().get(t).stream().filter(question.terms()::contains).forEach(near::add);
            }
        }
        f.add(question.terms().isEmpty() ? 0 : (double) near.size() / question.terms().size());
        int distance = 20;
        for (int t = 0; t < isQuestionWord.length; t++) {
            if (isQuestionWord[t] && (t < i || t >= j)) {
                distance = Math.min(distance, t < i ? i - t : t - j + 1);
            }
        }
        f.add(Math.log(1 + distance));
    }

    /** Whether the question's focus word ("année" in "en quelle année") comes just before, or inside, the span. */
    private static void focusFeatures(Values f, String focus, List<Token> tokens, Candidate c) {
        boolean focusBefore = false;
        for (int t = Math.max(0, c.first() - 3); t < c.first() && focus != null; t++) {
            focusBefore |= Accents.fold(tokens.get(t).text().toLowerCase(Locale.ROOT)).startsWith(focus);
        }
        f.add(focusBefore);
        boolean containsFocus = false;
        for (int t = c.first(); t < c.end() && focus != null; t++) {
            containsFocus |= Accents.fold(tokens.get(t).text().toLowerCase(Locale.ROOT)).startsWith(focus);
        }
        f.add(containsFocus);
    }

    /** The span's length, its boundaries and what it holds. */
    private static void formFeatures(Values f, Words words, Candidate c) {
        List<Token> tokens = words.tokens();
        int i = c.first();
        int j = c.end();
        boolean hasComma = false;
        boolean hasNumber = false;
        boolean noContentWord = true;
        for (int t = i; t < j; t++) {
            hasComma |= tokens.get(t).text().equals(",");
            hasNumber |= tokens.get(t).kind() == Token.Kind.NUMBER;
            noContentWord &= words.terms().get(t).isEmpty();
        }
        f.add(Math.log(j - i));
        f.add(j - i == 1);
        String first = tokens.get(i).lower();
        f.add(ARTICLES.contains(first));
        f.add(PREPOSITIONS.contains(first));
        Token before = i > 0 ? tokens.get(i - 1) : null;
        Token after = j < tokens.size() ? tokens.get(j) : null;
        f.add(before == null || before.kind() == Token.Kind.PUNCTUATION);
        f.add(after == null || after.kind() == Token.Kind.PUNCTUATION);
        f.add(before != null && PREPOSITIONS.contains(before.lower()));
        f.add(before != null && ETRE.contains(before.lower()));
        f.add(hasComma);
        f.add(hasNumber);
        f.add(tokens.get(i).capitalised());
        f.add(noContentWord);
    }

    /** Feature values written in order. */
    private static final class Values {
        final double[] values = new double[FEATURES.size()];
        private int next;

        void add(double value) {
            values[next++] = value;
        }

        void add(boolean value) {
            add(value ? 1 : 0);
        }
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

    private static boolean canStart(Token token) {
        return token.kind() != Token.Kind.PUNCTUATION && !BAD_START.contains(token.lower());
    }

    private static boolean canEnd(Token token) {
        return token.isWord() && !BAD_END.contains(token.lower());
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
