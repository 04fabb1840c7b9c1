package io.semsearch.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.semsearch.extraction.DocumentFormat;
import io.semsearch.extraction.ExtractedDocument;
import io.semsearch.extraction.LanguageSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is indexed of an extracted file, and the upload limits checked at start. */
class FileRequestTest {

    static final ExtractedDocument PAGE = new ExtractedDocument("text/html", DocumentFormat.HTML,
            "Le titre du fichier\n\nUn paragraphe.", "Le titre du fichier", "Jeanne Martin", "2024-10-18", "fr",
            LanguageSource.METADATA, null, Map.of("mediaType", "text/html", "format", "html",
                    "title", "Le titre du fichier", "author", "Jeanne Martin", "published", "2024-10-18",
                    "language", "fr", "languageSource", "metadata"));

    @Test
    void theFilesTitleMetadataAndLanguageAreTakenUnlessTheCallerGivesThem() {
        IndexRequest request = FileIngestService.request(PAGE, new FileToIndex(Path.of("/tmp/x"), "page.html",
                null, "page.html", null, null, null), "fr");
        assertEquals("page.html", request.source());
        assertEquals("Le titre du fichier", request.title());
        assertEquals(PAGE.text(), request.text());
        assertEquals("fr", request.language());
        assertEquals("Jeanne Martin", request.metadata().get("author"));
        assertEquals("2024-10-18", request.metadata().get("published"));
        assertEquals("metadata", request.metadata().get("languageSource"));
        assertEquals("page.html", request.metadata().get("fileName"));
    }

    @Test
    void theCallersTitleMetadataAndLanguageWin() {
        IndexRequest request = FileIngestService.request(PAGE, new FileToIndex(Path.of("/tmp/x"), "page.html",
                null, "docs/page.html", "Mon titre", Map.of("author", "Service com", "site", "intranet"), "en-GB"), "fr");
        assertEquals("Mon titre", request.title());
        assertEquals("en", request.language());
        assertEquals("Service com", request.metadata().get("author"));
        assertEquals("intranet", request.metadata().get("site"));
        assertEquals("en", request.metadata().get("language"));
        assertEquals("request", request.metadata().get("languageSource"));
        assertEquals("2024-10-18", request.metadata().get("published"), "the file's other fields stay");
    }

    @Test
    void aFileWhoseLanguageExtractionCouldNotTellTakesTheDefaultWithoutASecondDetection() {
        ExtractedDocument untold = new ExtractedDocument("text/plain", DocumentFormat.TEXT, "Ok.", null, null, null,
                null, null, null, Map.of("mediaType", "text/plain", "format", "text"));
        IndexRequest request = FileIngestService.request(untold, new FileToIndex(Path.of("/tmp/x"), "court.txt",
                null, "court.txt", null, null, null), "de");
        assertEquals("de", request.language(), "the indexer detects only when the request has no language");
        assertEquals("de", request.metadata().get("language"));
        assertEquals("default", request.metadata().get("languageSource"));
    }

    @Test
    void aTransportCapBelowTheLargestUploadStopsTheStart() {
        MemorySize file = new MemorySize(BigInteger.valueOf(20L << 20));
        MemorySize fields = new MemorySize(BigInteger.valueOf(1L << 20));
        UploadLimitCheck.check(new MemorySize(BigInteger.valueOf(64L << 20)), file, fields);
        UploadLimitCheck.check(null, file, fields);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> UploadLimitCheck.check(new MemorySize(BigInteger.valueOf(16L << 20)), file, fields));
        assertTrue(e.getMessage().contains("quarkus.http.limits.max-body-size"), e.getMessage());
    }

    @Test
    void aLanguageTagIsNormalisedAndNoneMeansDetect() {
        assertEquals("fr", new IndexRequest("a", null, "t", null, "fr-FR").language());
        assertEquals("de", new IndexRequest("a", null, "t", null, "deu").language());
        assertNull(new IndexRequest("a", null, "t", null, " ").language());
        assertThrows(IllegalArgumentException.class, () -> new IndexRequest("a", null, "t", null, "und"));
        assertFalse(new LanguageCode.Validator().isValid("und", null));
        assertTrue(new LanguageCode.Validator().isValid("en", null));
    }
}
