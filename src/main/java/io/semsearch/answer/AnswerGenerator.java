package io.semsearch.answer;

import io.semsearch.search.SearchHit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the answer to a question from retrieved passages, citing them. The default is {@link ExtractiveAnswerGenerator}
 * (offline, deterministic); with {@code semsearch.llm.enabled} a language model writes it instead (package
 * {@code llm}, plugged in by CDI), keeping this contract: every sentence of the answer is followed by the marker of a
 * passage in {@code citations}.
 */
public interface AnswerGenerator {

    /** {@link GeneratedAnswer#generator()} of answers made of the passages' own sentences. */
    String EXTRACTIVE = "extractive";

    /**
     * @param question the question as asked
     * @param questionVector the embedded retrieval query (query prefix applied)
     * @param passages retrieved passages, best first, already judged relevant enough to try
     */
    GeneratedAnswer generate(String question, float[] questionVector, List<SearchHit> passages);

    /**
     * The same answer, told to {@code listener} as it is produced, its markers numbering {@code passages} (the
     * returned answer numbers its citations as {@link #generate(String, float[], List)} does). This default generates
     * the whole answer, then hands it on one cited sentence at a time; a generator that writes its answer piece by
     * piece overrides it.
     *
     * @param question the question, with the earlier turns of the conversation
     */
    default GeneratedAnswer generate(Question question, float[] questionVector, List<SearchHit> passages,
            AnswerListener listener) {
        GeneratedAnswer answer = generate(question.text(), questionVector, passages);
        if (answer.answered()) {
            Map<Integer, Integer> passageNumbers = new HashMap<>();
            for (int i = 0; i < answer.citations().size(); i++) {
                passageNumbers.put(i + 1, passages.indexOf(answer.citations().get(i).passage()) + 1);
            }
            for (String sentence : CitationMarkers.sentences(answer.text())) {
                if (listener.cancelled()) {
                    break;
                }
                listener.text(CitationMarkers.renumber(sentence, n -> passageNumbers.getOrDefault(n, n)));
            }
        }
        return answer;
    }

    /**
     * @param text the answer with its [n] markers, null when abstaining
     * @param citations the passages cited, numbered from 1 in order, best first
     * @param reason why there is no answer, null when answered
     * @param shortAnswer the fact asked for, as a span of a cited passage; null when the question asks for an
     *     explanation or no span was found
     * @param generator what wrote the answer: {@link #EXTRACTIVE}, or another generator's name; null when abstaining
     * @param fallbackReason why the configured generator's answer was set aside for this one; null when it was not
     */
    record GeneratedAnswer(String text, List<Citation> citations, String reason, ShortAnswer shortAnswer,
            String generator, String fallbackReason) {

        /** An answer of the extractive generator. */
        public GeneratedAnswer(String text, List<Citation> citations, String reason, ShortAnswer shortAnswer) {
            this(text, citations, reason, shortAnswer, EXTRACTIVE, null);
        }

        /** An answer of the extractive generator, without a short answer. */
        public GeneratedAnswer(String text, List<Citation> citations, String reason) {
            this(text, citations, reason, null);
        }

        /** An answer of another generator, which gives no short answer. */
        public GeneratedAnswer(String text, List<Citation> citations, String reason, String generator,
                String fallbackReason) {
            this(text, citations, reason, null, generator, fallbackReason);
        }

        /** No answer, and why; no generator wrote it. */
        public static GeneratedAnswer abstain(String reason) {
            return new GeneratedAnswer(null, List.of(), reason, null, null, null);
        }

        /** This answer, standing in for another generator's, which failed for {@code reason}. */
        public GeneratedAnswer asFallback(String reason) {
            return new GeneratedAnswer(text, citations, this.reason, shortAnswer, generator, reason);
        }

        public boolean answered() {
            return text != null;
        }
    }

    /**
     * A cited passage and, inside its text, the offsets of the sentence the answer took from it.
     *
     * @param score the answering sentence's score
     */
    record Citation(SearchHit passage, int highlightStart, int highlightEnd, double score) {
    }

    /**
     * The short answer: {@code citations.get(citation - 1).passage().text().substring(start, end)} is {@code text}.
     *
     * @param citation the number of the cited passage that holds it, from 1
     */
    record ShortAnswer(String text, int citation, int start, int end) {
    }
}
