package io.semsearch.ingest;

import io.semsearch.common.TextSpan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SentenceSegmenterTest {

    static final List<String> ARTICLES = SampleArticles.ALL;

    private static SentenceSegmenter segmenter;
    private static TextCleaner cleaner;

    @BeforeAll
    static void setUp() {
        segmenter = new SentenceSegmenter();
        cleaner = new TextCleaner();
    }

    private List<String> texts(String text) {
        return segmenter.sentences(text).stream().map(s -> s.in(text)).toList();
    }

    /** Trimmed, in order, non-overlapping, within lines, covering every non-whitespace character exactly once. */
    static void assertWellFormed(String text, List<TextSpan> spans) {
        int previousEnd = 0;
        boolean[] covered = new boolean[text.length()];
        for (TextSpan span : spans) {
            assertTrue(span.start() >= previousEnd, () -> "ordered and non-overlapping: " + span);
            assertTrue(span.end() > span.start(), "non-empty");
            assertTrue(span.end() <= text.length());
            String s = span.in(text);
            assertFalse(SentenceSegmenter.isSpace(s.charAt(0)), () -> "trimmed start: '" + s + "'");
            assertFalse(SentenceSegmenter.isSpace(s.charAt(s.length() - 1)), () -> "trimmed end: '" + s + "'");
            assertFalse(s.contains("\n") || s.contains("\r"), () -> "crosses a line break: '" + s + "'");
            for (int i = span.start(); i < span.end(); i++) {
                covered[i] = true;
            }
            previousEnd = span.end();
        }
        for (int i = 0; i < text.length(); i++) {
            if (!SentenceSegmenter.isSpace(text.charAt(i))) {
                int at = i;
                assertTrue(covered[i], () -> "character " + at + " '" + text.charAt(at) + "' not covered");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ARTICLES")
    void spansAreWellFormedOnArticles(String article) {
        String raw = SampleArticles.raw(article);
        assertWellFormed(raw, segmenter.sentences(raw));
        String content = cleaner.clean(raw, null).content();
        List<TextSpan> spans = segmenter.sentences(content);
        assertWellFormed(content, spans);
        assertTrue(spans.size() >= SentenceSegmenter.lines(content).size());
    }

    @Test
    void neverCrossesParagraphs() {
        String text = "Un titre sans point\nUne phrase. Une autre\n\n  Dernier paragraphe  \n";
        assertEquals(List.of("Un titre sans point", "Une phrase.", "Une autre", "Dernier paragraphe"), texts(text));
        assertEquals(List.of(new TextSpan(0, 19), new TextSpan(20, 31), new TextSpan(32, 41), new TextSpan(45, 63)),
                segmenter.sentences(text));
    }

    @Test
    void frenchSentences() {
        assertEquals(List.of("Microsoft a investi 13 milliards de dollars.", "OpenAI a accepté.",
                        "Le projet OpenAI 2.0 est lancé."),
                texts("Microsoft a investi 13 milliards de dollars. OpenAI a accepté. Le projet OpenAI 2.0 est lancé."));
        assertEquals(List.of("M. Macron a déclaré : « Nous allons gagner. »", "Puis il est parti."),
                texts("M. Macron a déclaré : « Nous allons gagner. » Puis il est parti."));
        assertEquals(List.of("Il a dit « Bonjour ! » à tous.", "Puis il est parti."),
                texts("Il a dit « Bonjour ! » à tous. Puis il est parti."));
        assertEquals(List.of("« C’est une véritable course, et OpenAI ne la gagnera peut-être pas », ajoute-t-il.",
                        "Il rit."),
                texts("« C’est une véritable course, et OpenAI ne la gagnera peut-être pas », ajoute-t-il. Il rit."));
        assertEquals(List.of("Selon Mme Dupont, il faut agir.", "Le Dr. Martin n’est pas d’accord.",
                        "M. Dupont non plus."),
                texts("Selon Mme Dupont, il faut agir. Le Dr. Martin n’est pas d’accord. M. Dupont non plus."));
        assertEquals(List.of("Voir p. 12 du rapport.", "J. K. Rowling écrit.", "La S.N.C.F. est en grève."),
                texts("Voir p. 12 du rapport. J. K. Rowling écrit. La S.N.C.F. est en grève."));
        assertEquals(List.of("Le chiffre atteint 3,5 %.", "Ensuite… il a chuté !", "Pourquoi ?", "Personne ne sait."),
                texts("Le chiffre atteint 3,5 %. Ensuite… il a chuté ! Pourquoi ? Personne ne sait."));
        assertEquals(List.of("Ils étaient sept.", "Puis huit."), texts("Ils étaient sept. Puis huit."));
    }

    @Test
    void articleSentences() {
        String c000 = cleaner.clean(SampleArticles.raw(SampleArticles.A000), null).content();
        List<String> s000 = texts(c000);
        assertTrue(s000.contains("« C’est une véritable course, et OpenAI ne la gagnera peut-être pas », ajoute-t-il."));
        assertTrue(s000.contains("C’est dire que Microsoft prépare déjà l’après-OpenAI."));
        String c001 = cleaner.clean(SampleArticles.raw(SampleArticles.A001), null).content();
        assertTrue(texts(c001).contains("Elon Musk a également sorti l’arsenal judiciaire pour empêcher une telle "
                + "restructuration, inquiet de la concurrence qu’un tel OpenAI 2.0 pourrait représenter pour son "
                + "business."));
    }

    @Test
    void blankAndNull() {
        assertEquals(List.of(), segmenter.sentences(null));
        assertEquals(List.of(), segmenter.sentences(""));
        assertEquals(List.of(), segmenter.sentences(" \n\n \u00A0\t"));
        assertEquals(List.of(new TextSpan(2, 3)), segmenter.sentences(" \nx\n"));
    }

    @Test
    void randomTextsAreCovered() {
        Random random = new Random(42);
        String[] pieces = {"Bonjour", "M.", "«", "»", " ", " ", " ", "\n", "\n\n", ".", "!", "?", "…", "2.0", "13",
                "l’IA", "\u00A0", "\t", "é", "😀", ",", "-", "Mme", "a", "Il"};
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            assertWellFormed(text, segmenter.sentences(text));
        }
    }

    @Test
    void threadSafe() throws Exception {
        List<String> contents = new ArrayList<>();
        for (String article : ARTICLES) {
            contents.add(cleaner.clean(SampleArticles.raw(article), null).content());
        }
        List<List<TextSpan>> expected = contents.stream().map(segmenter::sentences).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                int k = t % contents.size();
                futures.add(pool.submit(() -> segmenter.sentences(contents.get(k)).equals(expected.get(k))));
            }
            for (Future<Boolean> f : futures) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
