package io.semsearch.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Tesseract on one image file: {@code tesseract IMAGE OUTBASE -l LANGUAGES --psm 3}, one thread (two cores
 * are shared by every upload), its text read from {@code OUTBASE.txt}. The process is killed when it outlives
 * {@link OcrOptions#pageTimeout()} times the pages, or when the calling thread is interrupted (the extraction's own
 * time limit). Thread-safe.
 */
final class TesseractOcr {

    private final OcrOptions options;

    TesseractOcr(OcrOptions options) {
        this.options = options;
    }

    OcrOptions options() {
        return options;
    }

    /**
     * The text Tesseract reads in an image file (every frame of a multi-page TIFF).
     *
     * @param pages the pages the file holds, for the time limit
     */
    String recognize(Path image, int pages) {
        Path out = image.resolveSibling(image.getFileName() + ".ocr");
        Path log = image.resolveSibling(image.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(options.command(), image.toString(), out.toString(),
                "-l", options.languages(), "--psm", "3"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UnsupportedDocumentException("Text recognition (OCR) is not available on this server: "
                    + options.command() + " cannot be run (install tesseract-ocr, tesseract-ocr-fra and"
                    + " tesseract-ocr-eng, or set semsearch.extraction.ocr.command).", "image/*");
        }
        long timeoutMs = options.pageTimeout().toMillis() * Math.max(1, pages);
        try {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new ExtractionTimeoutException("Text recognition (OCR) took longer than "
                        + options.pageTimeout().toSeconds() + " s a page (semsearch.extraction.ocr.page-timeout)"
                        + " and was stopped.", options.pageTimeout());
            }
            if (process.exitValue() != 0) {
                throw new CorruptDocumentException("Text recognition (OCR) could not read the image: "
                        + firstLine(log), null);
            }
            Path text = out.resolveSibling(out.getFileName() + ".txt");
            return Files.exists(text) ? Files.readString(text, StandardCharsets.UTF_8) : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionTimeoutException("Text recognition (OCR) was stopped (the extraction's time limit).",
                    options.pageTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String firstLine(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .filter(l -> !l.startsWith("Tesseract Open Source")).findFirst().orElse("no detail").strip();
        } catch (IOException e) {
            return "no detail";
        }
    }
}
