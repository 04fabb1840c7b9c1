package io.semsearch.ingest;

import io.semsearch.common.TextSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Cleaning and chunking fed with generated text: random Unicode (all planes, controls, combining marks, lone and
 * paired surrogates, bidi and zero-width characters), very long lines, text without any sentence end, and mutated
 * sample articles. Nothing may throw, and every chunk's offsets must be exact. Seeded: a failure names its seed and
 * input kind, and reproduces with {@code -Dfuzz.seed=}. Bounded by {@code fuzz.cases} and {@code fuzz.seconds}.
 */
class CleaningAndChunkingFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_130L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 1500);
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 40));
    private static final int MAX_TOKENS = 200;

    private static final TextCleaner CLEANER = new TextCleaner();
    private static final ChunkTokenizer COUNTER = new SimpleTokenizer();
    private static SentenceChunker chunker;
    private static final List<String> ARTICLES = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        chunker = new SentenceChunker(new SentenceSegmenter(), COUNTER, MAX_TOKENS, 1);
        SampleCorpus.requests().forEach(r -> ARTICLES.add(r.text()));
    }

    @Test
    void anyTextCleansAndChunksWithExactOffsets() {
        List<Generator> generators = List.of(
                new Generator("random unicode", r -> randomUnicode(r, r.nextInt(2000))),
                new Generator("controls and separators", r -> fromAlphabet(r, r.nextInt(3000),
                        "\u0000\u0001\u0007\u0008\t\n\u000b\u000c\r\u001b\u007f\u0085\u00a0\u2028\u2029\u200b"
                                + "\u200e\u200f\u202e\ufeff\ufffd\ufffe .!?…;:«»\"'-–—a")),
                new Generator("one long line without sentence end", r -> longLine(r, 20_000 + r.nextInt(60_000))),
                new Generator("long words", r -> fromAlphabet(r, 5000 + r.nextInt(20000), "ab\u0301é漢😀")),
                new Generator("surrogates, paired and lone", r -> surrogates(r, r.nextInt(3000))),
                new Generator("mutated article", r -> mutate(r, ARTICLES.get(r.nextInt(ARTICLES.size())))),
                new Generator("many short lines", r -> shortLines(r, 1 + r.nextInt(3000))));
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int cases = 0;
        for (; cases < CASES && System.nanoTime() < deadline; cases++) {
            Generator generator = generators.get(cases % generators.size());
            long seed = random.nextLong();
            String text = generator.make.apply(new Random(seed));
            try {
                check(text);
            } catch (AssertionError | RuntimeException e) {
                fail("case " + cases + " (" + generator.name + ", seed " + seed + ", " + text.length()
                        + " chars): " + e, e);
            }
        }
        assertTrue(cases >= Math.min(CASES, 200), "only " + cases + " cases ran within " + BUDGET);
    }

    private static void check(String text) {
        CleanedText cleaned = CLEANER.clean(text, null);
        assertFalse(cleaned.content().contains("\r"), "line ends normalised");
        if (cleaned.content().isBlank()) {
            return;
        }
        String content = cleaned.content();
        List<TextChunk> chunks = chunker.chunk(content);
        assertFalse(chunks.isEmpty(), "a non-blank content has chunks");
        SentenceChunkerTest.assertChunkInvariants(content, chunks, COUNTER, MAX_TOKENS);
        for (TextChunk chunk : chunks) {
            for (TextSpan sentence : chunk.sentences()) {
                assertTrue(sentence.start() >= 0 && sentence.end() <= chunk.text().length(), "sentence in its chunk");
                assertEquals(sentence.in(chunk.text()), content.substring(chunk.start() + sentence.start(),
                        chunk.start() + sentence.end()), "sentence offsets");
            }
        }
    }

    private record Generator(String name, Function<Random, String> make) {
    }

    private static String randomUnicode(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x800);
                case 2 -> random.nextInt(0x10000);
                default -> random.nextInt(Character.MAX_CODE_POINT + 1);
            };
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                text.append((char) codePoint);
            } else {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private static String fromAlphabet(Random random, int length, String alphabet) {
        int[] codePoints = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    private static String longLine(Random random, int length) {
        String[] words = {"la", "relation", "entre", "Microsoft", "et", "OpenAI", "évolue", "vite", "sans", "fin",
                "ni", "point", "3,5", "milliards", "l’équipe", "d’Inflection"};
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(20) == 0 ? ", " : " ");
        }
        return text.toString();
    }

    private static String surrogates(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) (0xD800 + random.nextInt(0x400)));
                case 1 -> text.append((char) (0xDC00 + random.nextInt(0x400)));
                case 2 -> text.appendCodePoint(0x1F600 + random.nextInt(80));
                case 3 -> text.append(". ");
                default -> text.append("mot ");
            }
        }
        return text.toString();
    }

    private static String shortLines(Random random, int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(random.nextBoolean() ? "Ligne " + random.nextInt(50) : random.nextBoolean() ? "" : "  ")
                    .append(random.nextInt(3) == 0 ? "\r\n" : "\n");
        }
        return text.toString();
    }

    /** Deletions, insertions of odd characters, duplicated and swapped spans. */
    static String mutate(Random random, String text) {
        StringBuilder mutated = new StringBuilder(text);
        int mutations = 1 + random.nextInt(30);
        String odd = "\u0000\u0007\r\n\t\u200b\u202e\ufeff\ud800\udfff😀«».!?\\\"{}[]<>&%";
        for (int m = 0; m < mutations && mutated.length() > 0; m++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.delete(at, Math.min(mutated.length(), at + random.nextInt(200)));
                case 1 -> mutated.insert(at, odd.charAt(random.nextInt(odd.length())));
                case 2 -> {
                    int end = Math.min(mutated.length(), at + random.nextInt(500));
                    mutated.insert(random.nextInt(mutated.length()), mutated.substring(at, end));
                }
                default -> mutated.setCharAt(at, (char) random.nextInt(0x3000));
            }
        }
        return mutated.toString();
    }
}
