package io.semsearch.answer;

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
import java.util.Set;

/**
 * Answers with the best one to three sentences of the retrieved passages, each followed by the marker of the passage
 * it comes from. A sentence's score is its cosine similarity to the question (the model, question against sentence)
 * plus a weighted share of the question's content words it holds, rare words counting more. At most one sentence per passage, so that every
 * citation points at exactly one highlighted sentence.
 */
@DefaultBean
@ApplicationScoped
public class ExtractiveAnswerGenerator implements AnswerGenerator {

    private final EmbeddingService embedding;
    private final SentenceSegmenter segmenter;
    private final AnswerConfig config;

    public ExtractiveAnswerGenerator(EmbeddingService embedding, SentenceSegmenter segmenter, AnswerConfig config) {
        this.embedding = embedding;
        this.segmenter = segmenter;
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
        List<String> sentences = candidates.stream().map(Candidate::sentence).toList();
        List<float[]> vectors = embedding.embedPassages(sentences);
        List<Double> overlaps = LexicalOverlap.rarityWeightedOverlaps(LexicalOverlap.terms(question), sentences);
        List<Scored> scored = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            double score = dot(questionVector, vectors.get(i)) + config.lexicalWeight() * overlaps.get(i);
            scored.add(new Scored(candidates.get(i), score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return compose(scored);
    }

    private GeneratedAnswer compose(List<Scored> ranked) {
        double best = ranked.get(0).score();
        List<Citation> citations = new ArrayList<>();
        Set<Object> usedPassages = new HashSet<>();
        Set<String> usedSentences = new HashSet<>();
        StringBuilder answer = new StringBuilder();
        for (Scored s : ranked) {
            if (citations.size() == config.maxSentences() || s.score() < best - config.sentenceMargin()) {
                break;
            }
            String normalised = s.candidate().sentence().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!usedPassages.add(s.candidate().passage().chunkId()) || !usedSentences.add(normalised)) {
                continue;
            }
            citations.add(new Citation(s.candidate().passage(), s.candidate().span().start(),
                    s.candidate().span().end(), s.score()));
            if (!answer.isEmpty()) {
                answer.append(' ');
            }
            answer.append(s.candidate().sentence()).append(" [").append(citations.size()).append(']');
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

    private record Scored(Candidate candidate, double score) {
    }
}
