package io.semsearch.extraction;

import java.time.Duration;

/**
 * Text recognition of scanned PDFs and images by Tesseract, run as an external process.
 *
 * @param enabled whether scanned PDFs and images (PNG, JPEG, TIFF) are read; off, they are refused as before
 * @param command the Tesseract executable, a name on the {@code PATH} or a path
 * @param languages Tesseract's language models, joined by {@code +} (each must be installed: {@code fra},
 *     {@code eng} are Debian's {@code tesseract-ocr-fra}, {@code tesseract-ocr-eng})
 * @param pageTimeout longest recognition of one page; the process is killed after it
 * @param maxPages most pages (PDF pages, TIFF frames) recognised in one file; more is refused with 422
 * @param maxPixels most pixels of one page image (width × height); a larger image is refused with 422, a PDF page is
 *     rendered at a lower resolution to fit
 * @param dpi resolution at which a scanned PDF's pages are rendered for recognition
 */
public record OcrOptions(boolean enabled, String command, String languages, Duration pageTimeout, int maxPages,
        long maxPixels, int dpi) {

    public static final String DEFAULT_COMMAND = "tesseract";
    public static final String DEFAULT_LANGUAGES = "fra+eng";
    public static final Duration DEFAULT_PAGE_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_PAGES = 10;
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    public static final int DEFAULT_DPI = 300;

    public OcrOptions {
        if (command == null || command.isBlank() || languages == null || !languages.matches("[a-z_]+(\\+[a-z_]+)*")) {
            throw new IllegalArgumentException("OCR command and languages (e.g. fra+eng) must be set");
        }
        if (pageTimeout == null || pageTimeout.isNegative() || pageTimeout.isZero() || maxPages <= 0
                || maxPixels <= 0 || dpi < 70 || dpi > 1200) {
            throw new IllegalArgumentException("OCR limits must be positive, dpi between 70 and 1200");
        }
    }

    public static OcrOptions defaults() {
        return new OcrOptions(true, DEFAULT_COMMAND, DEFAULT_LANGUAGES, DEFAULT_PAGE_TIMEOUT, DEFAULT_MAX_PAGES,
                DEFAULT_MAX_PIXELS, DEFAULT_DPI);
    }

    public OcrOptions withEnabled(boolean value) {
        return new OcrOptions(value, command, languages, pageTimeout, maxPages, maxPixels, dpi);
    }

    public OcrOptions withCommand(String value) {
        return new OcrOptions(enabled, value, languages, pageTimeout, maxPages, maxPixels, dpi);
    }

    public OcrOptions withPageTimeout(Duration value) {
        return new OcrOptions(enabled, command, languages, value, maxPages, maxPixels, dpi);
    }

    public OcrOptions withMaxPages(int value) {
        return new OcrOptions(enabled, command, languages, pageTimeout, value, maxPixels, dpi);
    }

    public OcrOptions withMaxPixels(long value) {
        return new OcrOptions(enabled, command, languages, pageTimeout, maxPages, value, dpi);
    }
}
