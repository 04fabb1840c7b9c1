package io.semsearch.ingest;

import io.semsearch.common.TextSpan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


class SentenceChunkerTest {

    private static SentenceSegmenter segmenter;
    private static final ChunkTokenizer COUNTER = new SimpleTokenizer();
    private static final List<String> CONTENTS = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        segmenter = new SentenceSegmenter();
        TextCleaner cleaner = new TextCleaner();
        CONTENTS.clear();
        for (String article : SampleArticles.ALL) {
            CONTENTS.add(cleaner.clean(SampleArticles.raw(article), null).content());
        }
    }

    private static SentenceChunker chunker(int maxTokens, int overlap) {
        return new SentenceChunker(segmenter, COUNTER, maxTokens, overlap);
    }

    /**
     * Invariants that hold for any input: exact offsets, ordinals, the tokens of the chunk's text, budget (unless a single code point
     * exceeds it), trimmed chunks, progress (no chunk contained in the previous one) and coverage of every
     * non-whitespace character.
     */
    static void assertChunkInvariants(String content, List<TextChunk> chunks, ChunkTokenizer tokenizer,
            int maxTokens) {
        boolean[] covered = new boolean[content.length()];
        TextChunk previous = null;
        for (int i = 0; i < chunks.size(); i++) {
            TextChunk c = chunks.get(i);
            assertEquals(i, c.ordinal());
            assertEquals(c.text(), content.substring(c.start(), c.end()), "exact offsets");
            assertFalse(c.text().isBlank());
            assertEquals(c.text().strip(), c.text(), "trimmed");
            assertEquals(tokenizer.tokenize(c.text()), c.tokens(), "the chunk keeps the tokens of its text");
            assertTrue(c.tokenCount() <= maxTokens || c.text().codePointCount(0, c.text().length()) == 1,
                    () -> "over budget " + maxTokens + ": " + c);
            assertFalse(Character.isLowSurrogate(c.text().charAt(0)), "no split surrogate pair");
            assertFalse(Character.isHighSurrogate(c.text().charAt(c.text().length() - 1)), "no split surrogate pair");
            if (previous != null) {
                assertTrue(c.start() >= previous.start(), "ordered");
                assertTrue(c.end() > previous.end(), "progress: not contained in the previous chunk");
            }
            for (int k = c.start(); k < c.end(); k++) {
                covered[k] = true;
            }
            previous = c;
        }
        for (int k = 0; k < content.length(); k++) {
            if (!SentenceSegmenter.isSpace(content.charAt(k))) {
                int at = k;
                assertTrue(covered[k], () -> "character " + at + " not in any chunk");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 200, 500})
    void offsetsAndBudgetOnEveryArticle(int budget) {
        for (int overlap = 0; overlap <= 2; overlap++) {
            SentenceChunker chunker = chunker(budget, overlap);
            for (String content : CONTENTS) {
                List<TextChunk> chunks = chunker.chunk(content);
                assertFalse(chunks.isEmpty());
                assertChunkInvariants(content, chunks, COUNTER, budget);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 200, 500})
    void nextChunkStartsWithTheLastSentenceOfThePreviousOne(int budget) {
        SentenceChunker chunker = chunker(budget, 1);
        int checked = 0;
        List<String> contents = new ArrayList<>(CONTENTS);
        contents.add(String.join("\n\n", CONTENTS)); // long enough for several chunks at every budget
        for (String content : contents) {
            List<TextSpan> sentences = segmenter.sentences(content);
            List<TextChunk> chunks = chunker.chunk(content);
            for (int i = 1; i < chunks.size(); i++) {
                TextChunk prev = chunks.get(i - 1);
                TextChunk next = chunks.get(i);
                int lastOfPrev = lastSentenceIndexEndingAt(sentences, prev.end());
                int firstOfPrev = sentenceIndexStartingAt(sentences, prev.start());
                if (lastOfPrev < 0 || firstOfPrev < 0 || sentenceIndexStartingAt(sentences, next.start()) < 0
                        || lastSentenceIndexEndingAt(sentences, next.end()) < 0) {
                    continue; // a piece of a cut sentence: no overlap
                }
                TextSpan last = sentences.get(lastOfPrev);
                TextSpan firstNew = sentences.get(lastOfPrev + 1);
                boolean overlapFits = COUNTER.countTokens(content.substring(last.start(), firstNew.end())) <= budget;
                if (overlapFits) {
                    assertEquals(last.start(), next.start(), "overlap of one sentence");
                    checked++;
                } else {
                    assertEquals(firstNew.start(), next.start());
                }
            }
        }
        assertTrue(checked > 0, "some overlaps were checked");
    }

    @Test
    void chunksAtBudget200CoverArticlesWithFewChunks() {
        SentenceChunker chunker = chunker(200, 1);
        for (String content : CONTENTS) {
            List<TextChunk> chunks = chunker.chunk(content);
            int total = COUNTER.countTokens(content);
            assertTrue(chunks.size() >= (total + 199) / 200, "at least ceil(tokens/200) chunks");
            assertTrue(chunks.size() <= 2 * ((total + 199) / 200) + 1, () -> "greedy packing: " + chunks.size());
        }
    }

    @Test
    void wholeShortTextIsOneChunk() {
        String text = "Première phrase. Deuxième phrase.\n\nUn autre paragraphe.";
        List<TextChunk> chunks = chunker(200, 1).chunk(text);
        assertEquals(1, chunks.size());
        assertEquals(new TextChunk(0, 0, text.length(), text, COUNTER.tokenize(text), List.of(new TextSpan(0, 16),
                new TextSpan(17, 33), new TextSpan(35, 55))), chunks.get(0));
    }

    @Test
    void overlapOnSimpleText() {
        String text = "Un deux trois quatre. Cinq six sept huit. Neuf dix onze douze. Treize quatorze quinze seize.";
        // each sentence is 5 tokens; budget 10 = two sentences
        List<TextChunk> chunks = chunker(10, 1).chunk(text);
        assertEquals(List.of("Un deux trois quatre. Cinq six sept huit.",
                        "Cinq six sept huit. Neuf dix onze douze.",
                        "Neuf dix onze douze. Treize quatorze quinze seize."),
                chunks.stream().map(TextChunk::text).toList());
        List<TextChunk> noOverlap = chunker(10, 0).chunk(text);
        assertEquals(List.of("Un deux trois quatre. Cinq six sept huit.",
                        "Neuf dix onze douze. Treize quatorze quinze seize."),
                noOverlap.stream().map(TextChunk::text).toList());
        // budget 5 = one sentence: the overlap cannot fit, chunking still progresses
        List<TextChunk> single = chunker(5, 1).chunk(text);
        assertEquals(4, single.size());
        assertEquals("Cinq six sept huit.", single.get(1).text());
        // overlap larger than the previous chunk: at most the whole previous chunk is repeated
        List<TextChunk> big = chunker(15, 5).chunk(text);
        assertChunkInvariants(text, big, COUNTER, 15);
        assertEquals("Un deux trois quatre. Cinq six sept huit. Neuf dix onze douze.", big.get(0).text());
        assertEquals("Cinq six sept huit. Neuf dix onze douze. Treize quatorze quinze seize.", big.get(1).text());
        assertEquals(2, big.size());
    }

    @Test
    void longSentenceIsCutAtWordBoundaries() {
        StringBuilder sb = new StringBuilder("Courte phrase. Alors ");
        for (int i = 0; i < 120; i++) {
            sb.append("mot").append(i % 10).append(i % 7 == 6 ? ", " : " ");
        }
        String longSentence = sb.toString().strip() + ".";
        String text = longSentence + " Fin.";
        List<TextChunk> chunks = chunker(50, 1).chunk(text);
        assertChunkInvariants(text, chunks, COUNTER, 50);
        assertEquals("Courte phrase.", chunks.get(0).text(), "the long sentence does not join it");
        assertEquals("Fin.", chunks.get(chunks.size() - 1).text(), "no overlap after a cut sentence");
        List<TextChunk> pieces = chunks.subList(1, chunks.size() - 1);
        assertTrue(pieces.size() >= 3);
        for (int i = 0; i < pieces.size(); i++) {
            TextChunk piece = pieces.get(i);
            assertTrue(piece.tokenCount() <= 50);
            assertTrue(piece.start() == 0 || text.charAt(piece.start() - 1) == ' ', "starts at a word boundary");
            assertTrue(piece.end() == text.length() || text.charAt(piece.end()) == ' ', "ends at a word boundary");
            if (i > 0) {
                assertTrue(piece.start() > pieces.get(i - 1).end(), "pieces do not overlap");
                assertEquals(" ", text.substring(pieces.get(i - 1).end(), piece.start()));
            }
        }
        // greedy: a piece plus the next word would exceed the budget
        for (int i = 0; i + 1 < pieces.size(); i++) {
            int nextWordEnd = text.indexOf(' ', pieces.get(i + 1).start());
            String extended = text.substring(pieces.get(i).start(),
                    nextWordEnd < 0 ? pieces.get(i + 1).end() : nextWordEnd);
            assertTrue(COUNTER.countTokens(extended) > 50);
        }
    }

    @Test
    void longWordIsCutByCharacters() {
        ChunkTokenizer perCodePoint = SimpleTokenizer.counting(t -> t.codePointCount(0, t.length()));
        String word = "x".repeat(25) + "😀".repeat(10) + "y".repeat(20);
        String text = "Un mot : " + word + " fin.";
        SentenceChunker chunker = new SentenceChunker(segmenter, perCodePoint, 8, 1);
        List<TextChunk> chunks = chunker.chunk(text);
        assertChunkInvariants(text, chunks, perCodePoint, 8);
        StringBuilder rebuilt = new StringBuilder();
        for (TextChunk c : chunks) {
            if (c.start() >= text.indexOf(word) && c.end() <= text.indexOf(word) + word.length()) {
                rebuilt.append(c.text());
            }
        }
        assertEquals(word, rebuilt.toString(), "the pieces of the word are contiguous and complete");
    }

    @Test
    void singleCharacterOverBudgetIsTheOnlyException() {
        ChunkTokenizer twoPerCodePoint = SimpleTokenizer.counting(t -> 2 * t.codePointCount(0, t.length()));
        String text = "ab 😀";
        List<TextChunk> chunks = new SentenceChunker(segmenter, twoPerCodePoint, 1, 1).chunk(text);
        assertEquals(List.of("a", "b", "😀"), chunks.stream().map(TextChunk::text).toList());
        assertTrue(chunks.stream().allMatch(c -> c.tokenCount() == 2));
        assertChunkInvariants(text, chunks, twoPerCodePoint, 1);
    }

    @Test
    void deterministic() {
        SentenceChunker chunker = chunker(200, 1);
        for (String content : CONTENTS) {
            assertEquals(chunker.chunk(content), chunker.chunk(content));
            assertEquals(chunker.chunk(content), chunker(200, 1).chunk(content));
        }
    }

    @Test
    void emptyInput() {
        SentenceChunker chunker = chunker(200, 1);
        assertEquals(List.of(), chunker.chunk(null));
        assertEquals(List.of(), chunker.chunk(""));
        assertEquals(List.of(), chunker.chunk(" \n\n\t\u00A0 "));
    }

    @Test
    void invalidConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> chunker(0, 1));
        assertThrows(IllegalArgumentException.class, () -> chunker(10, -1));
        assertThrows(NullPointerException.class, () -> new SentenceChunker(null, COUNTER, 10, 1));
        assertThrows(NullPointerException.class, () -> new SentenceChunker(segmenter, null, 10, 1));
    }

    /** Property-style: random texts, budgets and overlaps (seeded, so reproducible). */
    @Test
    void randomInputsKeepInvariants() {
        Random random = new Random(20240611L);
        String[] vocabulary = {"Microsoft", "OpenAI", "a", "l’IA", "M.", "Mme", "2.0", "13", "milliards", "«", "»",
                ".", ".", "!", "?", ",", "…", "\n", "\n\n", " ", " ", " ", "\u00A0", "\t", "😀", "é", "-",
                "anticonstitutionnellement", "x".repeat(40)};
        for (int round = 0; round < 400; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(120);
            for (int i = 0; i < n; i++) {
                sb.append(vocabulary[random.nextInt(vocabulary.length)]);
                if (random.nextInt(3) > 0) {
                    sb.append(' ');
                }
            }
            String text = sb.toString();
            int budget = 1 + random.nextInt(40);
            int overlap = random.nextInt(4);
            ChunkTokenizer counter = round % 2 == 0 ? COUNTER
                    : SimpleTokenizer.counting(t -> t.codePointCount(0, t.length()));
            List<TextChunk> chunks = new SentenceChunker(segmenter, counter, budget, overlap).chunk(text);
            assertChunkInvariants(text, chunks, counter, budget);
            assertEquals(text.isBlank(), chunks.isEmpty());
        }
    }

    @Test
    void lastFittingFindsTheBoundary() {
        for (int from = 0; from < 12; from++) {
            for (int limit = from; limit < 40; limit++) {
                for (int boundary = from; boundary <= limit; boundary++) {
                    int b = boundary;
                    int[] calls = {0};
                    int found = SentenceChunker.lastFitting(from, limit, j -> {
                        calls[0]++;
                        assertTrue(j > 0 && j <= 40);
                        return j <= b;
                    });
                    assertEquals(boundary, found);
                    assertTrue(calls[0] <= 2 * (32 - Integer.numberOfLeadingZeros(limit - from + 1)) + 1,
                            "logarithmic number of probes");
                }
            }
        }
    }

    /** Large inputs stay fast: no quadratic re-counting of long sentences or long runs of short sentences. */
    @Test
    void largeInputsAreChunkedQuickly() {
        StringBuilder noPunctuation = new StringBuilder();
        StringBuilder tinySentences = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            noPunctuation.append("mot").append(i % 97).append(' ');
            tinySentences.append("Oui. ");
        }
        for (String text : List.of(noPunctuation.toString(), tinySentences.toString())) {
            int[] calls = {0};
            ChunkTokenizer counting = SimpleTokenizer.counting(t -> {
                calls[0]++;
                return COUNTER.countTokens(t);
            });
            long t0 = System.nanoTime();
            List<TextChunk> chunks = new SentenceChunker(segmenter, counting, 200, 1).chunk(text);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(calls[0] < 40 * chunks.size() + 50_000, () -> "token counts: " + calls[0]);
            assertTrue(millis < 10_000, () -> "took " + millis + " ms");
            assertChunkInvariants(text, chunks, counting, 200);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 200})
    void eachChunkCarriesItsSentencesAsFoundInTheWholeContent(int budget) {
        SentenceChunker chunker = chunker(budget, 1);
        for (String content : CONTENTS) {
            List<TextSpan> sentences = segmenter.sentences(content);
            for (TextChunk chunk : chunker.chunk(content)) {
                List<TextSpan> inChunk = sentences.stream()
                        .filter(s -> s.start() >= chunk.start() && s.end() <= chunk.end())
                        .map(s -> new TextSpan(s.start() - chunk.start(), s.end() - chunk.start())).toList();
                if (inChunk.isEmpty()) { // a piece of a sentence too long for one chunk
                    assertEquals(List.of(new TextSpan(0, chunk.text().length())), chunk.sentences());
                } else {
                    assertEquals(inChunk, chunk.sentences(), "sentences of chunk " + chunk.ordinal());
                }
            }
        }
    }

    private static int sentenceIndexStartingAt(List<TextSpan> sentences, int start) {
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).start() == start) {
                return i;
            }
        }
        return -1;
    }

    private static int lastSentenceIndexEndingAt(List<TextSpan> sentences, int end) {
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).end() == end) {
                return i;
            }
        }
        return -1;
    }
}
