package io.semsearch.answer;

import io.semsearch.search.SearchHit;

import java.util.List;

/**
 * Writes the answer to a question from retrieved passages, citing them. The default is {@link ExtractiveAnswerGenerator}
 * (offline, deterministic); an LLM-backed implementation (e.g. a LangChain4j {@code ChatModel} prompted with the
 * numbered passages and asked to cite them as [n]) can replace it as an alternative CDI bean, keeping this contract:
 * every sentence of the answer is followed by the marker of a passage in {@code citations}.
 */
public interface AnswerGenerator {

    /**
     * @param question the question as asked
     * @param questionVector the embedded retrieval query (query prefix applied)
     * @param passages retrieved passages, best first, already judged relevant enough to try
     */
    GeneratedAnswer generate(String question, float[] questionVector, List<SearchHit> passages);

    /**
     * @param text the answer with its [n] markers, null when abstaining
     * @param citations the passages cited, numbered from 1 in order, best first
     * @param reason why there is no answer, null when answered
     * @param shortAnswer the fact asked for, as a span of a cited passage; null when the question asks for an
     *     explanation or no span was found
     */
    record GeneratedAnswer(String text, List<Citation> citations, String reason, ShortAnswer shortAnswer) {

        public GeneratedAnswer(String text, List<Citation> citations, String reason) {
            this(text, citations, reason, null);
        }

        public static GeneratedAnswer abstain(String reason) {
            return new GeneratedAnswer(null, List.of(), reason);
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
