package io.semsearch.extraction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad file of issue 14 point 6 is refused with its own exception and status, within a bounded time. */
class BadFilesTest {

    static final long MAX_BYTES = 1024 * 1024;
    /** Far below the 30 s parse timeout: each case must be refused by its own check, not by the timeout. */
    static final Duration BOUND = Duration.ofSeconds(10);

    static LanguageIdentifier languages;
    static DocumentExtractor extractor;

    @BeforeAll
    static void start() {
        languages = new LanguageIdentifier();
        extractor = new DocumentExtractor(ExtractionOptions.defaults().withMaxBytes(MAX_BYTES), languages);
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    static List<BadFiles.Case> cases() throws IOException {
        return BadFiles.all(MAX_BYTES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithItsExceptionInBoundedTime(BadFiles.Case bad) {
        ExtractionException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(ExtractionException.class,
                () -> extractor.extract(bad.content(), bad.fileName(), bad.declaredType())));
        assertEquals(bad.expected(), e.getClass(), e.getMessage());
        assertEquals(expectedStatus(e), e.status());
        assertTrue(e.getMessage() != null && e.getMessage().length() > 10, "a detail that says what is wrong");
        assertTrue(e.title() != null && !e.title().isBlank());
    }

    @Test
    void statusesAndTitles() {
        assertEquals(413, new DocumentTooLargeException("x", 1).status());
        assertEquals(415, new UnsupportedDocumentException("x", "image/png").status());
        assertEquals("Unsupported document type", new UnsupportedDocumentException("x", "image/png").title());
        for (ExtractionException e : List.of(new CorruptDocumentException("x", null),
                new TruncatedDocumentException("x"), new EncryptedDocumentException("x", null),
                new DocumentLimitExceededException("x", null), new ExtractionTimeoutException("x", BOUND),
                new NoMainTextException("x"))) {
            assertEquals(422, e.status(), e.getClass().getSimpleName());
        }
    }

    @Test
    void oversizeStreamIsRefusedWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                return served++ < 100L * MAX_BYTES ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served >= 100L * MAX_BYTES) {
                    return -1;
                }
                java.util.Arrays.fill(b, off, off + len, (byte) 'a');
                served += len;
                return len;
            }
        };
        DocumentTooLargeException e = assertThrows(DocumentTooLargeException.class,
                () -> extractor.extract(endless, "flux.txt", "text/plain"));
        assertEquals(MAX_BYTES, e.maxBytes());
    }

    @Test
    void aParseOverTheTimeoutIsAbandoned() throws Exception {
        byte[] page = ExtractionCorpus.newsPages().get(0).bytes();
        try (DocumentExtractor impatient = new DocumentExtractor(
                ExtractionOptions.defaults().withTimeout(Duration.ofNanos(1)), languages)) {
            ExtractionTimeoutException e = assertThrows(ExtractionTimeoutException.class,
                    () -> impatient.extract(page, "page.html", null));
            assertEquals(422, e.status());
        }
    }

    @Test
    void tooMuchTextIsALimitNotATruncation() {
        try (DocumentExtractor small = new DocumentExtractor(ExtractionOptions.defaults().withMaxChars(1000),
                languages)) {
            byte[] text = DocumentExtractorTest.bytes(SampleText.article());
            assertThrows(DocumentLimitExceededException.class, () -> small.extract(text, "a.txt", null));
            assertThrows(DocumentLimitExceededException.class,
                    () -> small.extract(new ByteArrayInputStream(text), "a.md", null));
        }
    }

    private static int expectedStatus(ExtractionException e) {
        if (e instanceof DocumentTooLargeException) {
            return 413;
        }
        return e instanceof UnsupportedDocumentException ? 415 : 422;
    }
}
