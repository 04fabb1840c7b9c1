package io.semsearch.answer;

import io.semsearch.document.ChunkRepository;
import io.semsearch.document.SentenceVectors;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.ingest.SentenceSegmenter;
import io.semsearch.ingest.TextSpan;
import io.semsearch.search.SearchHit;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers with the best one to three sentences of the retrieved passages, each followed by the marker of the passage
 * it comes from. A sentence's score is its cosine similarity to the question (the model, question against sentence)
 * plus a weighted share of the question's content words it holds, rare words counting more. At most one sentence per
 * passage, so that every citation points at exactly one highlighted sentence.
 *
 * <p>The sentence vectors stored with each chunk at indexing time (pooled from the chunk's own forward pass) rank the
 * candidates at no model cost; the best few are then embedded on their own, in one model call, and the answer is
 * chosen among them with these vectors (see {@link AnswerConfig#rescoredSentences()}). Sentences of chunks stored
 * without vectors are embedded in that same call.
 */
@DefaultBean
@ApplicationScoped
public class ExtractiveAnswerGenerator implements AnswerGenerator {

    private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score).reversed();

    private final EmbeddingService embedding;
    private final SentenceSegmenter segmenter;
    private final ChunkRepository chunks;
    private final AnswerConfig config;

    public ExtractiveAnswerGenerator(EmbeddingService embedding, SentenceSegmenter segmenter, ChunkRepository chunks,
            AnswerConfig config) {
        this.embedding = embedding;
        this.segmenter = segmenter;
        this.chunks = chunks;
        this.config = config;
    }

    @Override
    public GeneratedAnswer generate(String question, float[] questionVector, List<SearchHit> passages) {
        List<Candidate> candidates = new ArrayList<>();
        for (SearchHit passage : passages.subList(0, Math.min(passages.size(), config.candidatePassages()))) {
            for (TextSpan span : segmenter.sentences(passage.text())) {
                Candidate candidate = new Candidate(passage, span);
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
     * own, and the candidates that have no stored vector; with no re-scoring, every candidate.
     */
    private List<Scored> rank(List<Candidate> candidates, List<Double> overlaps, float[] questionVector) {
        Map<UUID, SentenceVectors> stored = chunks.sentencesOf(
                candidates.stream().map(c -> c.passage().chunkId()).collect(Collectors.toSet()));
        List<Integer> toEmbed = new ArrayList<>();
        List<Scored> byStoredVector = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            SentenceVectors sentences = stored.get(candidate.passage().chunkId());
            float[] vector = sentences == null ? null : sentences.vectorOf(candidate.span());
            if (vector == null) {
                toEmbed.add(i);
            } else {
                byStoredVector.add(new Scored(i, score(questionVector, vector, overlaps.get(i))));
            }
        }
        byStoredVector.sort(BEST_FIRST);
        int rescored = Math.max(0, Math.min(config.rescoredSentences(), byStoredVector.size()));
        byStoredVector.subList(0, rescored).forEach(s -> toEmbed.add(s.candidate()));
        List<Scored> ranked = new ArrayList<>(rescored > 0 ? List.of() : byStoredVector);
        if (!toEmbed.isEmpty()) {
            List<float[]> vectors = embedding.embedPassages(toEmbed.stream().map(i -> candidates.get(i).sentence())
                    .toList());
            for (int j = 0; j < toEmbed.size(); j++) {
                int i = toEmbed.get(j);
                ranked.add(new Scored(i, score(questionVector, vectors.get(j), overlaps.get(i))));
            }
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

    private record Candidate(SearchHit passage, TextSpan span) {
        String sentence() {
            return passage.text().substring(span.start(), span.end());
        }
    }

    /** @param candidate index of the sentence among the candidates */
    private record Scored(int candidate, double score) {
    }
}
