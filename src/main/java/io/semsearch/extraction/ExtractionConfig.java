package io.semsearch.extraction;

import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Limits of document extraction (uploads and folder sync). */
@ConfigMapping(prefix = "semsearch.extraction")
public interface ExtractionConfig {

    /** Largest file accepted, e.g. {@code 20M}; larger files get 413. */
    @WithDefault("20M")
    MemorySize maxSize();

    /** Most characters of text extracted from one file; more is refused with 422 (a zip bomb, or split it). */
    @WithDefault("5000000")
    int maxChars();

    /**
     * Most characters of text per byte of file once a million characters are out (Tika's zip-bomb guard); also how
     * many times a DOCX or ODT part, or a PDF page or form content stream, may inflate (past 1 MiB) before any parser
     * reads it.
     */
    @WithDefault("100")
    long maxCompressionRatio();

    /** Longest parse of one file; after it the file is refused with 422. */
    @WithDefault("30s")
    Duration timeout();

    /** Fewest letters or digits the main text must hold; below, 422 (no main text). */
    @WithDefault("20")
    int minTextChars();

    /** Fewest letters to detect the language from the text; below, the language stays unknown unless declared. */
    @WithDefault("20")
    int minLanguageChars();

    /** Most files parsed at once (uploads and folder sync together). */
    @WithDefault("4")
    int maxConcurrent();

    /** Most files waiting for a parse when all are busy; one more is refused with 503 and {@code Retry-After}. */
    @WithDefault("32")
    int maxQueued();

    /**
     * At start, in the background, load the language model and parse a small PDF and web page, so that the first
     * upload does not pay for it. Unset: on for the JVM, whose first PDF costs seconds (class loading, JIT, the
     * language model); off for the native executable, whose first PDF costs 40 to 90 ms more than the next ones, while
     * the warm-up keeps 18 MiB resident (docs/benchmarks/native.md).
     */
    Optional<Boolean> warmUp();

    /** {@link #warmUp()}, or its default for the JVM or the native executable this runs in. */
    default boolean warmsUp() {
        return warmUp().orElse(ImageMode.current() != ImageMode.NATIVE_RUN);
    }

    /** Text recognition (OCR) of scanned PDFs and PNG, JPEG and TIFF images by Tesseract. */
    Ocr ocr();

    interface Ocr {

        /**
         * Read scanned PDFs (no text layer) and images with Tesseract; off, images get 415 and scanned PDFs 422.
         * Needs the {@code tesseract-ocr}, {@code tesseract-ocr-fra} and {@code tesseract-ocr-eng} Debian packages.
         */
        @WithDefault("true")
        boolean enabled();

        /** The Tesseract executable: a name on the {@code PATH} or a path. */
        @WithDefault(OcrOptions.DEFAULT_COMMAND)
        String command();

        /** Tesseract's language models, joined by {@code +}. */
        @WithDefault(OcrOptions.DEFAULT_LANGUAGES)
        String languages();

        /**
         * Longest recognition of one page; the process is killed after it. The whole file stays bounded by
         * {@code semsearch.extraction.timeout}: raise it for scans of many pages (about 3 to 6 s a page on 2 cores).
         */
        @WithDefault("60s")
        Duration pageTimeout();

        /** Most pages (PDF pages, TIFF frames) recognised in one file; more is refused with 422. */
        @WithDefault("10")
        int maxPages();

        /** Most pixels of one page image; a larger image is refused with 422, a PDF page rendered smaller. */
        @WithDefault("50000000")
        long maxPixels();

        /** Resolution at which a scanned PDF's pages are rendered for recognition. */
        @WithDefault("300")
        int dpi();

        default OcrOptions toOptions() {
            return new OcrOptions(enabled(), command(), languages(), pageTimeout(), maxPages(), maxPixels(), dpi());
        }
    }

    default ExtractionOptions toOptions() {
        return new ExtractionOptions(maxSize().asLongValue(), maxChars(), maxCompressionRatio(), timeout(),
                minTextChars(), minLanguageChars(), maxConcurrent(), maxQueued(), ocr().toOptions());
    }
}
