package io.semsearch.answer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** How answers are extracted, and when the service abstains. docs/calibration.md explains the thresholds. */
@ConfigMapping(prefix = "semsearch.answer")
public interface AnswerConfig {

    /**
     * Most answers streamed at once (Server-Sent Events) per API key, or per address for anonymous readers; one more
     * is refused with 429 and {@code Retry-After}. Each open stream holds a worker thread and a model call.
     */
    @WithDefault("16")
    int maxStreamsPerKey();

    /** Passages retrieved for a question when the request does not say. */
    @WithDefault("8")
    int defaultK();

    /** Best-ranked passages whose sentences are candidate answers. */
    @WithDefault("8")
    int candidatePassages();

    /** Most sentences in an answer, each from a different passage. */
    @WithDefault("3")
    int maxSentences();

    /** Sentences shorter than this (headings, captions) are not answers. */
    @WithDefault("25")
    int minSentenceLength();

    /**
     * Sentences embedded again, each on its own, to be scored: the best ones by the vectors their chunk was stored
     * with, among which the answer is then chosen. A stored vector is pooled from its chunk's forward pass, so it
     * carries the chunk's context, which blurs the differences between sentences of one chunk. 0: the stored
     * vectors alone decide (no model call). Sentences of chunks stored without vectors are always embedded.
     */
    @WithDefault("4")
    int rescoredSentences();

    /** Best sentences (of the final ranking) whose spans are candidate short answers. */
    @WithDefault("3")
    int shortAnswerSentences();

    /**
     * Classpath resource with the learned weights of sentence ranking, short answers and abstention, as fitted on
     * the PIAF train part by scripts/train-answers.sh.
     */
    @WithDefault("answer/weights.properties")
    String weights();

    /**
     * Abstain when no retrieved passage has at least this cosine similarity to the question. Empty: the value
     * calibrated for the active model, from its descriptor ({@code answer.min-similarity}).
     */
    Optional<Double> minSimilarity();
}
