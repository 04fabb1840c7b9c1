package io.semsearch.extraction;

import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The common steps after each reader, on drafts made in the test (the language model is the real one). */
class DocumentFinisherTest {

    static DocumentFinisher finisher;

    @BeforeAll
    static void start() {
        finisher = new DocumentFinisher(ExtractionOptions.defaults(), new LanguageIdentifier());
    }

    @Test
    void tooFewLettersIsNoMainTextWithTheReadersReason() {
        Draft draft = draft("  -- 12 ; ! ", null, "Le fichier ne contient rien.");
        NoMainTextException e = assertThrows(NoMainTextException.class,
                () -> finisher.finish(draft, DocumentFormat.TEXT, MediaType.TEXT_PLAIN));
        assertEquals("Le fichier ne contient rien.", e.getMessage());
    }

    @Test
    void metadataIsAssembledWithTheReadersExtra() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("charset", "UTF-8");
        Draft draft = new Draft("\n  " + DocumentExtractorTest.FRENCH + "  \n", " Un\u00A0titre ", null,
                "2024-10-18T09:30:00Z", null, "fr-FR", extra, "vide");
        ExtractedDocument doc = finisher.finish(draft, DocumentFormat.MARKDOWN,
                MediaType.parse("text/x-web-markdown; charset=UTF-8"));
        assertEquals(DocumentExtractorTest.FRENCH, doc.text());
        assertEquals("Un titre", doc.title());
        assertNull(doc.author());
        assertEquals("text/x-web-markdown", doc.mediaType());
        assertEquals("fr", doc.language());
        assertEquals(LanguageSource.METADATA, doc.languageSource());
        assertNull(doc.languageConfidence());
        assertEquals(Set.of("mediaType", "format", "title", "published", "language", "languageSource", "charset"),
                doc.metadata().keySet());
        assertEquals("markdown", doc.metadata().get("format"));
        assertEquals("2024-10-18T09:30:00Z", doc.published());
        assertEquals(doc.published(), doc.metadata().get("published"));
    }

    @Test
    void aConfidentDetectionOverridesAWrongDeclarationAndSaysSo() {
        ExtractedDocument doc = finisher.finish(draft(SampleText.article(), "en-US", "vide"), DocumentFormat.HTML,
                MediaType.text("html"));
        assertEquals("fr", doc.language());
        assertEquals(LanguageSource.DETECTED, doc.languageSource());
        assertEquals("en", doc.metadata().get("declaredLanguage"));
        assertEquals("detected", doc.metadata().get("languageSource"));
        assertEquals(doc.languageConfidence(), doc.metadata().get("languageConfidence"));
    }

    private static Draft draft(String text, String language, String reason) {
        return new Draft(text, null, null, null, null, language, Map.of(), reason);
    }
}
