package io.semsearch.bench;

import io.semsearch.extraction.LanguageIdentifier;
import io.semsearch.ingest.TextCleaner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The languages the service detects for the PIAF paragraphs (all French), per part of the split, as indexing without
 * a declared language would store them: detected from the cleaned text, with the default minimum of letters. Not a
 * test (no suffix): {@code scripts/test.sh -Ptraining -Dtest=PiafLanguages -Dsurefire.failIfNoSpecifiedTests=false} writes
 * docs/benchmarks/piaf-languages.md. No service, no database.
 */
class PiafLanguages {

    private static final int MIN_LANGUAGE_LETTERS = 20; // semsearch.extraction.min-language-chars

    @Test
    void detectedLanguagesOfThePiafParagraphs() throws IOException {
        Piaf piaf = Piaf.load();
        LanguageIdentifier identifier = new LanguageIdentifier();
        TextCleaner cleaner = new TextCleaner();
        Report report = new Report("Detected language of the PIAF paragraphs");
        report.line("PIAF v1.1 paragraphs (all French Wikipedia), cleaned as indexing cleans them, then "
                + "`LanguageIdentifier.detect(text, " + MIN_LANGUAGE_LETTERS + ")` as indexing without a declared "
                + "language does. Lexical search reads a paragraph detected as another language than French with "
                + "that language's text search configuration (`simple` for all but French and English).");
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> misdetected = new ArrayList<>();
        for (Piaf.Part part : Piaf.Part.values()) {
            Map<String, Integer> counts = new TreeMap<>();
            int paragraphs = 0;
            for (Piaf.Paragraph paragraph : piaf.paragraphs()) {
                if (Piaf.Part.ofArticle(paragraph.article()) != part) {
                    continue;
                }
                paragraphs++;
                String content = cleaner.clean(paragraph.context(), paragraph.title()).content();
                String language = identifier.detect(content, MIN_LANGUAGE_LETTERS)
                        .map(LanguageIdentifier.Detected::language).orElse("(none)");
                counts.merge(language, 1, Integer::sum);
                if (!language.equals("fr")) {
                    misdetected.add(List.of(part.name().toLowerCase(), paragraph.source(), language,
                            Integer.toString(content.length()), excerpt(content)));
                }
            }
            int french = counts.getOrDefault("fr", 0);
            counts.remove("fr");
            rows.add(List.of(part.name().toLowerCase(), Integer.toString(paragraphs), Integer.toString(french),
                    Integer.toString(paragraphs - french), counts.toString()));
        }
        report.table(List.of("part", "paragraphs", "detected fr", "detected other", "other languages"), rows);
        report.line("Paragraphs detected as another language:");
        report.line("");
        report.table(List.of("part", "source", "language", "characters", "start"), misdetected);
        report.write("piaf-languages.md");
    }

    private static String excerpt(String text) {
        String start = text.length() <= 80 ? text : text.substring(0, 80) + "…";
        return start.replace("|", "\\|").replace('\n', ' ');
    }
}
