package io.semsearch.ingest;

import io.semsearch.common.TextSpan;
import io.semsearch.embedding.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Packs whole sentences into chunks of at most {@code maxTokens} tokens, as a {@link ChunkTokenizer} cuts the exact
 * chunk text {@code content.substring(start, end)}; each chunk keeps its tokens, for the embedding.
 *
 * <ul>
 *   <li>Consecutive sentences are packed greedily: the longest run whose sentences' token counts add up to the
 *       budget (each sentence is counted once; with the model's tokenizers a text has as many tokens as its
 *       whitespace-separated sentences together); the chunk is then tokenised whole, once, and shortened by a sentence
 *       at a time in the rare case where it exceeds the budget. A chunk may span paragraphs (its text then contains
 *       the paragraph separator).</li>
 *   <li>Overlap: a chunk starts with the last {@code overlapSentences} sentences of the previous chunk, fewer if they
 *       do not fit in the budget together with the next new sentence (none if not even one fits). Every chunk holds
 *       at least one sentence not in the previous chunk, so chunking always progresses and terminates.</li>
 *   <li>A sentence that alone exceeds the budget is cut at whitespace into pieces of at most {@code maxTokens} (a
 *       single word that exceeds it is cut between characters); each piece is a chunk of its own, and neither
 *       overlaps nor is overlapped by its neighbours. Only when one character alone exceeds the budget is a chunk over
 *       budget.</li>
 * </ul>
 *
 * <p>Invariant: {@code content.substring(chunk.start(), chunk.end()).equals(chunk.text())} for every chunk. Chunks are
 * trimmed (never start or end with whitespace). Each chunk carries its sentences, so that they are found once, in
 * the whole content, and never again. Thread-safe if the segmenter and the counter are.
 */
public final class SentenceChunker {

    private final SentenceSegmenter segmenter;
    private final ChunkTokenizer tokenizer;
    private final int maxTokens;
    private final int overlapSentences;

    public SentenceChunker(SentenceSegmenter segmenter, ChunkTokenizer tokenizer, int maxTokens, int overlapSentences) {
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1, got " + maxTokens);
        }
        if (overlapSentences < 0) {
            throw new IllegalArgumentException("overlapSentences must be >= 0, got " + overlapSentences);
        }
        this.maxTokens = maxTokens;
        this.overlapSentences = overlapSentences;
    }

    /** A sentence, or a piece of a sentence that was too long; a sentence keeps the tokens of its own text. */
    private record Unit(int start, int end, boolean piece, Tokens tokens) {

        int count() {
            return tokens.count();
        }
    }

    /** Chunks of {@code content}; empty for {@code null} or blank content. */
    public List<TextChunk> chunk(String content) {
        List<TextChunk> chunks = new ArrayList<>();
        if (content == null || content.isBlank()) {
            return chunks;
        }
        List<Unit> units = units(content);
        int n = units.size();
        // runEnd[k]: last index of the run of whole sentences containing k (pieces stand alone)
        int[] runEnd = new int[n];
        for (int k = n - 1; k >= 0; k--) {
            runEnd[k] = units.get(k).piece() || k == n - 1 || units.get(k + 1).piece() ? k : runEnd[k + 1];
        }
        int i = 0;
        int previousStart = -1; // first unit of the previous chunk, -1 if none or if it was a piece
        while (i < n) {
            Unit first = units.get(i);
            if (first.piece()) {
                String text = content.substring(first.start(), first.end());
                chunks.add(new TextChunk(chunks.size(), first.start(), first.end(), text, tokenizer.tokenize(text),
                        List.of(new TextSpan(0, text.length()))));
                previousStart = -1;
                i++;
                continue;
            }
            Packed packed = pack(content, units, i, overlapStart(units, i, previousStart), runEnd[i], chunks.size());
            chunks.add(packed.chunk());
            previousStart = packed.start();
            i = packed.last() + 1;
        }
        return chunks;
    }

    /** A chunk and the first and last units it holds. */
    private record Packed(TextChunk chunk, int start, int last) {
    }

    /** The first unit of the chunk that starts with new unit {@code i}: the overlap that fits with it. */
    private int overlapStart(List<Unit> units, int i, int previousStart) {
        if (overlapSentences > 0 && previousStart >= 0) {
            int available = Math.min(overlapSentences, i - previousStart);
            for (int k = available; k >= 1; k--) {
                if (tokensOf(units, i - k, i) <= maxTokens) {
                    return i - k;
                }
            }
        }
        return i;
    }

    /**
     * The chunk of units {@code start..} holding new unit {@code i} and as many of the run's next ones as fit. Sizes
     * are first estimated as the sum of the sentences' own counts (each sentence counted once), then the chunk is
     * tokenised whole, once, and shrunk in the rare case where the estimate was short.
     */
    private Packed pack(String content, List<Unit> units, int i, int overlapStart, int runEnd, int ordinal) {
        int start = overlapStart;
        int last = lastFitting(i, runEnd, j -> tokensOf(units, overlapStart, j) <= maxTokens);
        String text = content.substring(units.get(start).start(), units.get(last).end());
        Tokens tokens = start == i && last == i ? units.get(i).tokens() : tokenizer.tokenize(text);
        while (tokens.count() > maxTokens) {
            if (last > i) {
                last--;
            } else {
                start++;
            }
            text = content.substring(units.get(start).start(), units.get(last).end());
            tokens = start == i && last == i ? units.get(i).tokens() : tokenizer.tokenize(text);
        }
        int chunkStart = units.get(start).start();
        List<TextSpan> sentences = units.subList(start, last + 1).stream()
                .map(u -> new TextSpan(u.start() - chunkStart, u.end() - chunkStart)).toList();
        return new Packed(new TextChunk(ordinal, chunkStart, units.get(last).end(), text, tokens, sentences), start,
                last);
    }

    /** Estimated tokens of the sentences {@code from..to}: the sum of their own counts. */
    private static int tokensOf(List<Unit> units, int from, int to) {
        int sum = 0;
        for (int k = from; k <= to; k++) {
            sum += units.get(k).count();
        }
        return sum;
    }

    /** Sentences, with those over budget replaced by their pieces. */
    private List<Unit> units(String content) {
        List<Unit> units = new ArrayList<>();
        for (TextSpan sentence : segmenter.sentences(content)) {
            Tokens tokens = tokenizer.tokenize(sentence.in(content));
            if (tokens.count() <= maxTokens) {
                units.add(new Unit(sentence.start(), sentence.end(), false, tokens));
            } else {
                splitLongSentence(content, sentence, units);
            }
        }
        return units;
    }

    /** Cuts a sentence over budget into pieces of at most maxTokens at whitespace (between characters if needed). */
    private void splitLongSentence(String content, TextSpan sentence, List<Unit> out) {
        List<TextSpan> words = new ArrayList<>();
        int i = sentence.start();
        while (i < sentence.end()) {
            while (i < sentence.end() && SentenceSegmenter.isSpace(content.charAt(i))) {
                i++;
            }
            int wordStart = i;
            while (i < sentence.end() && !SentenceSegmenter.isSpace(content.charAt(i))) {
                i++;
            }
            if (i > wordStart) {
                words.add(new TextSpan(wordStart, i));
            }
        }
        int w = 0;
        while (w < words.size()) {
            int pieceStart = words.get(w).start();
            if (count(content.substring(pieceStart, words.get(w).end())) > maxTokens) {
                // A single word over budget: cut it between characters; the remainder is handled as a word.
                int cut = longestFittingPrefix(content, pieceStart, words.get(w).end());
                out.add(new Unit(pieceStart, cut, true, null));
                if (cut < words.get(w).end()) {
                    words.set(w, new TextSpan(cut, words.get(w).end()));
                } else {
                    w++;
                }
                continue;
            }
            int last = lastFitting(w, words.size() - 1,
                    j -> count(content.substring(pieceStart, words.get(j).end())) <= maxTokens);
            out.add(new Unit(pieceStart, words.get(last).end(), true, null));
            w = last + 1;
        }
    }

    /**
     * The largest {@code j} in {@code [from, limit]} such that {@code fits(j)}, knowing that {@code fits(from)} holds,
     * assuming that once a prefix does not fit no longer one does (token counts grow with the text). Probes
     * {@code from+1, from+2, from+4…} then bisects, so a chunk of k units costs O(log k) counts, not O(k).
     */
    static int lastFitting(int from, int limit, IntPredicate fits) {
        int good = from;
        int bad = -1;
        int step = 1;
        while (bad < 0) {
            if (good >= limit) {
                return good;
            }
            int probe = (int) Math.min((long) good + step, limit);
            if (fits.test(probe)) {
                good = probe;
                step <<= 1;
            } else {
                bad = probe;
            }
        }
        while (bad - good > 1) {
            int mid = (good + bad) >>> 1;
            if (fits.test(mid)) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        return good;
    }

    /**
     * End of the longest prefix of {@code [start, end)} that fits the budget, cut between code points; at least one
     * code point (the only case where a chunk may exceed the budget).
     */
    private int longestFittingPrefix(String content, int start, int end) {
        int lo = content.offsetByCodePoints(start, 1); // always accepted
        int hiCodePoints = content.codePointCount(start, end);
        int loCount = 1;
        int hiCount = hiCodePoints - 1; // the whole word does not fit
        int best = lo;
        while (loCount < hiCount) {
            int mid = (loCount + hiCount + 1) >>> 1;
            int midEnd = content.offsetByCodePoints(start, mid);
            if (count(content.substring(start, midEnd)) <= maxTokens) {
                loCount = mid;
                best = midEnd;
            } else {
                hiCount = mid - 1;
            }
        }
        return best;
    }

    private int count(String text) {
        return tokenizer.countTokens(text);
    }
}
