package io.semsearch.answer;

import io.quarkus.arc.DefaultBean;
import io.semsearch.answer.span.LexicalOverlap;
import io.semsearch.answer.span.SentenceFeatures;
import io.semsearch.answer.span.Span;
import io.semsearch.answer.span.SpanFeatures;
import io.semsearch.common.TextSpan;
import io.semsearch.document.SentenceVectors;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.search.SearchHit;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers with the best one to three sentences of the retrieved passages, each followed by the marker of the passage
 * it comes from, and, for a question that asks for a fact, the short answer: a span of one of these sentences.
 *
 * <p>Sentences are ranked twice by learned linear scores ({@link AnswerWeights}): first every candidate by the
 * vector stored with its chunk at indexing (no model call), its share of the question's words, its passage's rank and
 * whether it holds a span of the shape the question's type expects (a number for "combien", a date for "quand", a
 * name for "qui"); then the best few, embedded again on their own in one model call, with that vector's similarity
 * added ({@link AnswerConfig#rescoredSentences()}). The short answer is the best-scoring span of the best sentences
 * ({@link SpanFeatures}); its sentence is cited first. At most one sentence per passage, so that every citation points
 * at exactly one highlighted sentence.
 */
@DefaultBean
@ApplicationScoped
public class ExtractiveAnswerGenerator implements AnswerGenerator {

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed();

    private final EmbeddingService embedding;
    private final AnswerConfig config;
    private final AnswerWeights weights;

    public ExtractiveAnswerGenerator(EmbeddingService embedding, AnswerConfig config, AnswerWeights weights) {
        this.embedding = embedding;
        this.config = config;
        this.weights = weights;
    }

    @Override
    public GeneratedAnswer generate(String question, float[] questionVector, List<SearchHit> passages) {
        Ranking ranking = rank(question, questionVector, passages, config.rescoredSentences());
        if (ranking.candidates().isEmpty()) {
            return GeneratedAnswer.abstain("The retrieved passages hold no sentence to answer with.");
        }
        return compose(ranking, shortAnswer(ranking));
    }

    /**
     * The candidate sentences and their two rankings.
     *
     * @param rescored how many of the best by the first ranking are embedded again for the second
     */
    Ranking rank(String question, float[] questionVector, List<SearchHit> passages, int rescored) {
        SpanFeatures.Question analysed = SpanFeatures.Question.of(question);
        List<Candidate> candidates = new ArrayList<>();
        List<SearchHit> considered = passages.subList(0, Math.min(passages.size(), config.candidatePassages()));
        for (int rank = 0; rank < considered.size(); rank++) {
            SearchHit passage = considered.get(rank);
            SentenceVectors sentences = passage.sentences();
            for (int i = 0; i < sentences.size(); i++) {
                Candidate candidate = new Candidate(passage, rank, sentences.spans().get(i), sentences.vectors().get(i));
                if (isStatement(candidate.sentence())) {
                    candidates.add(candidate);
                }
            }
        }
        List<Double> overlaps = LexicalOverlap.rarityWeightedOverlaps(analysed.terms(),
                candidates.stream().map(Candidate::sentence).toList());
        List<double[]> storedFeatures = new ArrayList<>(candidates.size());
        List<Scored> byStoredVector = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            double[] f = SentenceFeatures.stored(analysed, c.passage().text(), c.span().start(), c.span().end(),
                    dot(questionVector, c.vector()), overlaps.get(i), c.passageRank());
            storedFeatures.add(f);
            byStoredVector.add(new Scored(i, weights.sentence().score(f)));
        }
        byStoredVector.sort(BEST_FIRST);
        int count = Math.max(0, Math.min(rescored, byStoredVector.size()));
        List<Scored> best = byStoredVector.subList(0, count);
        List<float[]> vectors = count == 0 ? List.of() : embedding.embedSentences(best.stream()
                .map(s -> candidates.get(s.candidate()).sentence()).toList());
        List<Scored> ranked = new ArrayList<>(count);
        double[] ownCosines = new double[candidates.size()];
        java.util.Arrays.fill(ownCosines, Double.NaN);
        for (int j = 0; j < count; j++) {
            int i = best.get(j).candidate();
            ownCosines[i] = dot(questionVector, vectors.get(j));
            ranked.add(new Scored(i, weights.rescoredSentence().score(
                    SentenceFeatures.rescored(ownCosines[i], storedFeatures.get(i)))));
        }
        ranked.sort(BEST_FIRST);
        return new Ranking(analysed, candidates, storedFeatures, byStoredVector, ownCosines,
                count == 0 ? byStoredVector : ranked);
    }

    /** The best span of the best sentences, when the question asks for a fact and one scores high enough. */
    private Span shortAnswer(Ranking ranking) {
        if (!ranking.question().analysis().factual()) {
            return null;
        }
        Span best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Span span : spans(ranking, config.shortAnswerSentences())) {
            double score = weights.span().score(span.features());
            if (score > bestScore) {
                best = span;
                bestScore = score;
            }
        }
        return bestScore >= weights.minSpanScore() ? best : null;
    }

    /** The candidate spans of the best {@code sentences} sentences; a span's sentence is its rank in the ranking. */
    static List<Span> spans(Ranking ranking, int sentences) {
        List<Span> spans = new ArrayList<>();
        for (int r = 0; r < Math.min(sentences, ranking.ranked().size()); r++) {
            Scored s = ranking.ranked().get(r);
            Candidate c = ranking.candidates().get(s.candidate());
            spans.addAll(SpanFeatures.spans(ranking.question(), c.passage().text(), c.span().start(), c.span().end(),
                    r, s.score(), r));
        }
        return spans;
    }

    private GeneratedAnswer compose(Ranking ranking, Span shortAnswer) {
        List<Scored> ranked = ranking.ranked();
        List<Scored> order = new ArrayList<>(ranked);
        if (shortAnswer != null) {
            order.remove(shortAnswer.sentence());
            order.add(0, ranked.get(shortAnswer.sentence()));
        }
        double best = ranked.get(0).score();
        List<Citation> citations = new ArrayList<>();
        Set<Object> usedPassages = new HashSet<>();
        Set<String> usedSentences = new HashSet<>();
        StringBuilder answer = new StringBuilder();
        int shortAnswerCitation = 0;
        for (Scored s : order) {
            boolean holdsShortAnswer = shortAnswer != null && s == ranked.get(shortAnswer.sentence());
            if (citations.size() == config.maxSentences()
                    || (!holdsShortAnswer && s.score() < best - weights.sentenceMargin())) {
                break;
            }
            Candidate candidate = ranking.candidates().get(s.candidate());
            String normalised = candidate.sentence().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!usedPassages.add(candidate.passage().chunkId()) || !usedSentences.add(normalised)) {
                continue;
            }
            citations.add(new Citation(candidate.passage(), candidate.span().start(),
                    candidate.span().end(), s.score()));
            if (holdsShortAnswer) {
                shortAnswerCitation = citations.size();
            }
            if (!answer.isEmpty()) {
                answer.append(' ');
            }
            answer.append(candidate.sentence()).append(" [").append(citations.size()).append(']');
        }
        ShortAnswer shortOne = shortAnswerCitation == 0 ? null
                : new ShortAnswer(shortAnswer.text(), shortAnswerCitation, shortAnswer.start(), shortAnswer.end());
        return new GeneratedAnswer(answer.toString(), citations, null, shortOne);
    }

    /** Headings, captions and questions do not answer: a statement is long enough and ends like a sentence. */
    private boolean isStatement(String sentence) {
        if (sentence.length() < config.minSentenceLength()) {
            return false;
        }
        char last = sentence.charAt(sentence.length() - 1);
        return last == '.' || last == '!' || last == '…' || last == '»' || last == '"' || last == ')';
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** A candidate sentence: {@code span} of its passage's text. */
    record Candidate(SearchHit passage, int passageRank, TextSpan span, float[] vector) {
        String sentence() {
            return passage.text().substring(span.start(), span.end());
        }
    }

    /** @param candidate index of the sentence among the candidates */
    record Scored(int candidate, double score) {
    }

    /**
     * The candidates of one question and their rankings.
     *
     * @param storedFeatures each candidate's features of the first ranking
     * @param byStoredVector every candidate, best first by the first ranking
     * @param ownCosines each candidate's own vector's similarity, NaN when it was not embedded again
     * @param ranked the final ranking: the rescored candidates, best first
     */
    record Ranking(SpanFeatures.Question question, List<Candidate> candidates, List<double[]> storedFeatures,
            List<Scored> byStoredVector, double[] ownCosines, List<Scored> ranked) {
    }
}
