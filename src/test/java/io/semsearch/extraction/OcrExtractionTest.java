package io.semsearch.extraction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scanned versions of real pages (scripts/setup-extraction-fixtures.sh: a LibreOffice PDF page rendered at 300 dpi by
 * pdftoppm, as PNG, JPEG, TIFF and an image-only PDF) read by Tesseract, against the PDF page's own text.
 */
class OcrExtractionTest {

    static final Path SCANS = ExtractionCorpus.FIXTURES.resolve("scans");

    static DocumentExtractor extractor;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor();
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    static Path scan(String name) {
        Path file = SCANS.resolve(name);
        ExtractionCorpus.requireFixtures(Files.isRegularFile(file), file + " missing");
        return file;
    }

    static String reference(String id) throws IOException {
        return Files.readString(scan(id + ".txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"news-000.png", "news-000.jpg", "maint-guide-first.tif", "handbook-en.png"})
    void imageIsReadByOcr(String name) throws IOException {
        ExtractedDocument doc = extractor.extract(scan(name), name, null);
        assertEquals(DocumentFormat.IMAGE, doc.format());
        double accuracy = CharacterAccuracy.of(doc.text(), reference(name.substring(0, name.lastIndexOf('.'))));
        assertTrue(accuracy >= 0.95, name + " character accuracy " + accuracy);
        assertEquals(1, doc.metadata().get(ExtractionReport.OCR_PAGES));
        assertEquals(name.startsWith("handbook-en") ? "en" : "fr", doc.language());
    }

    @Test
    void scannedPdfIsReadByOcr() throws IOException {
        ExtractedDocument doc = extractor.extract(scan("faq-basic-defs.scan.pdf"), "scan.pdf", null);
        assertEquals(DocumentFormat.PDF, doc.format());
        assertEquals(1, doc.metadata().get(ExtractionReport.OCR_PAGES));
        double accuracy = CharacterAccuracy.of(doc.text(), reference("faq-basic-defs"));
        assertTrue(accuracy >= 0.95, "character accuracy " + accuracy);
    }

    @Test
    void pdfWithTextLayerIsNotOcred() throws IOException {
        Path pdf = ExtractionCorpus.FIXTURES.resolve("pdf/faq-basic-defs.pdf");
        ExtractionCorpus.requireFixtures(Files.isRegularFile(pdf), pdf + " missing");
        ExtractedDocument doc = extractor.extract(pdf, "faq.pdf", null);
        assertNull(doc.metadata().get(ExtractionReport.OCR_PAGES));
    }

    @Test
    void limitsAndSwitch() throws IOException {
        byte[] png = Files.readAllBytes(scan("news-003.png"));
        OcrOptions ocr = OcrOptions.defaults();
        try (DocumentExtractor small = new DocumentExtractor(ExtractionOptions.defaults()
                .withOcr(ocr.withMaxPixels(1_000_000)))) {
            ExtractionException e = assertThrows(DocumentLimitExceededException.class,
                    () -> small.extract(png, "scan.png", null));
            assertTrue(e.getMessage().contains("semsearch.extraction.ocr.max-pixels"), e.getMessage());
        }
        byte[] pdf = Files.readAllBytes(scan("news-003.scan.pdf"));
        try (DocumentExtractor off = new DocumentExtractor(ExtractionOptions.defaults().withOcr(ocr.withEnabled(false)))) {
            assertEquals(415, assertThrows(UnsupportedDocumentException.class,
                    () -> off.extract(png, "scan.png", null)).status());
            assertEquals(422, assertThrows(NoMainTextException.class,
                    () -> off.extract(pdf, "scan.pdf", null)).status());
        }
        try (DocumentExtractor missing = new DocumentExtractor(ExtractionOptions.defaults()
                .withOcr(ocr.withCommand("/nonexistent/tesseract")))) {
            assertEquals(415, assertThrows(UnsupportedDocumentException.class,
                    () -> missing.extract(png, "scan.png", null)).status());
        }
        try (DocumentExtractor hasty = new DocumentExtractor(ExtractionOptions.defaults()
                .withOcr(ocr.withPageTimeout(Duration.ofMillis(200))))) {
            long start = System.nanoTime();
            assertThrows(ExtractionTimeoutException.class, () -> hasty.extract(png, "scan.png", null));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "the process is killed at its time limit");
        }
    }
}
