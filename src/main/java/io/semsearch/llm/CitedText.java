package io.semsearch.llm;

import io.semsearch.answer.AnswerGenerator.Citation;
import io.semsearch.answer.AnswerGenerator.GeneratedAnswer;
import io.semsearch.answer.CitationMarkers;
import io.semsearch.answer.span.LexicalOverlap;
import io.semsearch.common.TextSpan;
import io.semsearch.search.SearchHit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The citation contract of a written answer: it cites at least one passage, every marker [n] numbers a passage that
 * was given (1 to the number of passages), and it ends on a cited sentence. A valid answer's citations are the
 * passages it cites, renumbered from 1 in the order the answer first cites them.
 */
final class CitedText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern TRAILING_MARKER = Pattern.compile("\\[\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*]");

    private CitedText() {
    }

    /** What breaks the contract, as a reason to give the client; null when the answer keeps it. */
    static String problem(String text, int passages) {
        if (text == null || text.isBlank()) {
            return "the language model's answer was empty";
        }
        String unknown = unknownMarker(text, passages);
        if (unknown != null) {
            return unknown;
        }
        List<Integer> cited = CitationMarkers.cited(text);
        if (cited.isEmpty()) {
            return "the language model's answer cites no passage";
        }
        List<String> pieces = CitationMarkers.sentences(text);
        String tail = pieces.get(pieces.size() - 1);
        if (!TRAILING_MARKER.matcher(tail).find() && WORD.matcher(tail).find()) {
            return "the language model's answer ends on a sentence that cites no passage";
        }
        return null;
    }

    /** The first complete marker of the text that numbers no given passage, as a reason; null when there is none. */
    static String unknownMarker(CharSequence text, int passages) {
        for (int n : CitationMarkers.cited(text.toString())) {
            if (n < 1 || n > passages) {
                return "the language model's answer cites [" + n + "], but only passages 1 to " + passages
                        + " were given";
            }
        }
        return null;
    }

    /**
     * The answer with its citations: each cited passage highlights its sentence that shares the most words with the
     * sentences of the answer that cite it (the whole passage when it has no stored sentences).
     */
    static GeneratedAnswer answer(String text, List<SearchHit> passages, String generator) {
        Map<Integer, StringBuilder> claims = new LinkedHashMap<>();
        for (String piece : CitationMarkers.sentences(text.strip())) {
            String claim = piece.replaceAll("\\[[\\d,;\\s]+]", " ");
            for (int n : CitationMarkers.cited(piece)) {
                claims.computeIfAbsent(n, k -> new StringBuilder()).append(claim).append(' ');
            }
        }
        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        List<Citation> citations = new ArrayList<>();
        for (Map.Entry<Integer, StringBuilder> claim : claims.entrySet()) {
            SearchHit passage = passages.get(claim.getKey() - 1);
            renumbered.put(claim.getKey(), citations.size() + 1);
            TextSpan highlight = bestSentence(passage, claim.getValue().toString());
            citations.add(new Citation(passage, highlight.start(), highlight.end(), passage.similarity()));
        }
        return new GeneratedAnswer(CitationMarkers.renumber(text.strip(), renumbered::get), citations, null,
                generator, null);
    }

    private static TextSpan bestSentence(SearchHit passage, String claim) {
        List<TextSpan> spans = passage.sentences().spans();
        if (spans.isEmpty()) {
            return new TextSpan(0, passage.text().length());
        }
        Set<String> terms = LexicalOverlap.terms(claim);
        List<Double> overlaps = LexicalOverlap.rarityWeightedOverlaps(terms,
                spans.stream().map(span -> span.in(passage.text())).toList());
        int best = 0;
        for (int i = 1; i < overlaps.size(); i++) {
            if (overlaps.get(i) > overlaps.get(best)) {
                best = i;
            }
        }
        return spans.get(best);
    }
}
