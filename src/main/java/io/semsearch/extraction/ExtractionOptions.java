package io.semsearch.extraction;

import java.time.Duration;

/**
 * Limits and thresholds of a {@link DocumentExtractor}. {@link #defaults()} gives the values documented on
 * {@link ExtractionConfig}.
 *
 * @param maxBytes largest accepted file ({@link DocumentTooLargeException} above)
 * @param maxChars most characters of text a parser may produce ({@link DocumentLimitExceededException} above)
 * @param maxCompressionRatio most characters of text per byte of file once more than a million characters have been
 *     produced (Tika's zip-bomb guard); POI's own guard refuses office parts that inflate more than 100 times
 * @param timeout longest parse of one file ({@link ExtractionTimeoutException} after)
 * @param minTextChars fewest letters or digits the main text must hold ({@link NoMainTextException} below)
 * @param minLanguageChars fewest letters needed to detect a language from the text (below, the language stays
 *     unknown unless the file declares it)
 * @param maxConcurrent most files parsed at once
 * @param maxQueued most files waiting for a parse ({@link ExtractionBusyException} beyond)
 * @param ocr text recognition of scanned PDFs and images
 */
public record ExtractionOptions(
        long maxBytes,
        int maxChars,
        long maxCompressionRatio,
        Duration timeout,
        int minTextChars,
        int minLanguageChars,
        int maxConcurrent,
        int maxQueued,
        OcrOptions ocr) {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    public static final int DEFAULT_MAX_CHARS = 5_000_000;
    public static final long DEFAULT_MAX_COMPRESSION_RATIO = 100;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MIN_TEXT_CHARS = 20;
    public static final int DEFAULT_MIN_LANGUAGE_CHARS = 20;
    public static final int DEFAULT_MAX_CONCURRENT = 4;
    public static final int DEFAULT_MAX_QUEUED = 32;

    public ExtractionOptions {
        if (maxBytes <= 0 || maxChars <= 0 || maxCompressionRatio <= 0 || minTextChars < 0 || minLanguageChars < 0
                || maxConcurrent <= 0 || maxQueued <= 0) {
            throw new IllegalArgumentException("extraction limits must be positive");
        }
        if (ocr == null) {
            throw new IllegalArgumentException("OCR options must be set");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("extraction timeout must be positive");
        }
    }

    public static ExtractionOptions defaults() {
        return new ExtractionOptions(DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, DEFAULT_MAX_COMPRESSION_RATIO,
                DEFAULT_TIMEOUT, DEFAULT_MIN_TEXT_CHARS, DEFAULT_MIN_LANGUAGE_CHARS, DEFAULT_MAX_CONCURRENT,
                DEFAULT_MAX_QUEUED, OcrOptions.defaults());
    }

    public ExtractionOptions withMaxBytes(long value) {
        return new ExtractionOptions(value, maxChars, maxCompressionRatio, timeout, minTextChars, minLanguageChars,
                maxConcurrent, maxQueued, ocr);
    }

    public ExtractionOptions withMaxChars(int value) {
        return new ExtractionOptions(maxBytes, value, maxCompressionRatio, timeout, minTextChars, minLanguageChars,
                maxConcurrent, maxQueued, ocr);
    }

    public ExtractionOptions withTimeout(Duration value) {
        return new ExtractionOptions(maxBytes, maxChars, maxCompressionRatio, value, minTextChars, minLanguageChars,
                maxConcurrent, maxQueued, ocr);
    }

    public ExtractionOptions withOcr(OcrOptions value) {
        return new ExtractionOptions(maxBytes, maxChars, maxCompressionRatio, timeout, minTextChars, minLanguageChars,
                maxConcurrent, maxQueued, value);
    }

    public ExtractionOptions withWorkers(int concurrent, int queued) {
        return new ExtractionOptions(maxBytes, maxChars, maxCompressionRatio, timeout, minTextChars, minLanguageChars,
                concurrent, queued, ocr);
    }
}
