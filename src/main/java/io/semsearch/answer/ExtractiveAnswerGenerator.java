package io.semsearch.answer;

import io.quarkus.arc.DefaultBean;
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
 * it comes from. A sentence's score is its cosine similarity to the question (the model, question against sentence)
 * plus a weighted share of the question's content words it holds, rare words counting more. At most one sentence per
 * passage, so that every citation points at exactly one highlighted sentence.
 *
 * <p>The sentences and their vectors come with the passages, as they were found and pooled at indexing time (from
 * each chunk's own forward pass): they rank the candidates at no model cost; the best few are then embedded on their
 * own, in one model call, and the answer is chosen among them with these vectors (see
 * {@link AnswerConfig#rescoredSentences()}).
 */
@DefaultBean
@ApplicationScoped
public class ExtractiveAnswerGenerator implements AnswerGenerator {

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed();

    private final EmbeddingService embedding;
    private final AnswerConfig config;

    public ExtractiveAnswerGenerator(EmbeddingService embedding, AnswerConfig config) {
        this.embedding = embedding;
        this.config = config;
    }

    @Override
    public GeneratedAnswer generate(String question, float[] questionVector, List<SearchHit> passages) {
        List<Candidate> candidates = new ArrayList<>();
        for (SearchHit passage : passages.subList(0, Math.min(passages.size(), config.candidatePassages()))) {
            SentenceVectors sentences = passage.sentences();
            for (int i = 0; i < sentences.size(); i++) {
                Candidate candidate = new Candidate(passage, sentences.spans().get(i), sentences.vectors().get(i));
                if (isStatement(candidate.sentence())) {
                    candidates.add(candidate);
                }
            }
        }
        if (candidates.isEmpty()) {
            return GeneratedAnswer.abstain("The retrieved passages hold no sentence to answer with.");
        }
        List<Double> overlaps = LexicalOverlap.rarityWeightedOverlaps(LexicalOverlap.terms(question),
                candidates.stream().map(Candidate::sentence).toList());
        return compose(candidates, rank(candidates, overlaps, questionVector));
    }

    /**
     * The candidates to answer with, best first: the best by their stored vectors, scored again with vectors of their
     * own; with no re-scoring, every candidate by its stored vector.
     */
    private List<Scored> rank(List<Candidate> candidates, List<Double> overlaps, float[] questionVector) {
        List<Scored> byStoredVector = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            byStoredVector.add(new Scored(i, score(questionVector, candidates.get(i).vector(), overlaps.get(i))));
        }
        byStoredVector.sort(BEST_FIRST);
        int rescored = Math.max(0, Math.min(config.rescoredSentences(), byStoredVector.size()));
        if (rescored == 0) {
            return byStoredVector;
        }
        List<Scored> best = byStoredVector.subList(0, rescored);
        List<float[]> vectors = embedding.embedSentences(best.stream()
                .map(s -> candidates.get(s.candidate()).sentence()).toList());
        List<Scored> ranked = new ArrayList<>(rescored);
        for (int j = 0; j < rescored; j++) {
            int i = best.get(j).candidate();
            ranked.add(new Scored(i, score(questionVector, vectors.get(j), overlaps.get(i))));
        }
        ranked.sort(BEST_FIRST);
        return ranked;
    }

    private double score(float[] questionVector, float[] sentenceVector, double overlap) {
        return dot(questionVector, sentenceVector) + config.lexicalWeight() * overlap;
    }

    private GeneratedAnswer compose(List<Candidate> candidates, List<Scored> ranked) {
        double best = ranked.get(0).score();
        List<Citation> citations = new ArrayList<>();
        Set<Object> usedPassages = new HashSet<>();
        Set<String> usedSentences = new HashSet<>();
        StringBuilder answer = new StringBuilder();
        for (Scored s : ranked) {
            if (citations.size() == config.maxSentences() || s.score() < best - config.sentenceMargin()) {
                break;
            }
            Candidate candidate = candidates.get(s.candidate());
            String normalised = candidate.sentence().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!usedPassages.add(candidate.passage().chunkId()) || !usedSentences.add(normalised)) {
                continue;
            }
            citations.add(new Citation(candidate.passage(), candidate.span().start(),
                    candidate.span().end(), s.score()));
            if (!answer.isEmpty()) {
                answer.append(' ');
            }
            answer.append(candidate.sentence()).append(" [").append(citations.size()).append(']');
        }
        return new GeneratedAnswer(answer.toString(), citations, null);
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

    private record Candidate(SearchHit passage, TextSpan span, float[] vector) {
        String sentence() {
            return passage.text().substring(span.start(), span.end());
        }
    }

    /** @param candidate index of the sentence among the candidates */
    private record Scored(int candidate, double score) {
    }
}
