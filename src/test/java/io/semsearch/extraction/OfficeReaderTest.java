package io.semsearch.extraction;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OfficeReaderTest {

    @Test
    void aPdfWithoutItsEndMarkerIsTruncated() {
        assertDoesNotThrow(() -> OfficeReader.requireComplete(pdf("%PDF-1.4\n...\n%%EOF\n\n  ")));
        TruncatedDocumentException e = assertThrows(TruncatedDocumentException.class,
                () -> OfficeReader.requireComplete(pdf("%PDF-1.4\n1 0 obj\n<<")));
        assertEquals(422, e.status());
        // the marker must be near the end, not anywhere
        String early = "%PDF-1.4\n%%EOF\n" + "x".repeat(4000);
        assertThrows(TruncatedDocumentException.class, () -> OfficeReader.requireComplete(pdf(early)));
    }

    @Test
    void hyphenatedLineEndsAreJoinedBeforeLowerCase() {
        assertEquals("un exemple", OfficeReader.joinHyphenatedLines("un exem-\nple"));
        assertEquals("Jean-\nPierre", OfficeReader.joinHyphenatedLines("Jean-\nPierre"));
        assertEquals("2023-\n24", OfficeReader.joinHyphenatedLines("2023-\n24"));
    }

    @Test
    void propertiesBecomeDescriptionKeywordsPagesAndProducer() {
        Metadata md = new Metadata();
        md.set(TikaCoreProperties.SUBJECT, "Un sujet");
        md.add(Office.KEYWORDS.getName(), "budget, commune; budget");
        md.add("pdf:docinfo:keywords", " vote ,budget");
        md.set(PagedText.N_PAGES, " 12 ");
        md.set(PDF.PRODUCER, "LibreOffice");
        Map<String, Object> extra = OfficeReader.extra(md);
        assertEquals(Map.of("description", "Un sujet", "keywords", List.of("budget", "commune", "vote"),
                "pages", 12, "producer", "LibreOffice"), extra);
        assertEquals(List.of("description", "keywords", "pages", "producer"), List.copyOf(extra.keySet()));

        Metadata bad = new Metadata();
        bad.set(Office.PAGE_COUNT, "douze");
        assertEquals(Map.of(), OfficeReader.extra(bad));
    }

    private static byte[] pdf(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
