package io.semsearch.extraction;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The text of scanned pages: a PDF without text layer, each page rendered in grey at {@link OcrOptions#dpi()} (less
 * when the page would exceed {@link OcrOptions#maxPixels()}), or a PNG, JPEG or TIFF image, read by
 * {@link TesseractOcr}. The page count and image size are checked before any recognition.
 */
final class ScannedPages {

    /** What recognition read: the text, pages separated by a blank line, and the pages read. */
    record Recognized(String text, int pages) {
    }

    private final TesseractOcr ocr;

    ScannedPages(TesseractOcr ocr) {
        this.ocr = ocr;
    }

    OcrOptions options() {
        return ocr.options();
    }

    Recognized pdf(byte[] content) {
        OcrOptions options = ocr.options();
        Path dir = tempDir();
        try (PDDocument pdf = Loader.loadPDF(content)) {
            int pages = pdf.getNumberOfPages();
            requirePages(pages, "scanned PDF");
            PDFRenderer renderer = new PDFRenderer(pdf);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                PDRectangle box = pdf.getPage(i).getCropBox();
                double pixelsAtOneDpi = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
                float dpi = (float) Math.min(options.dpi(), Math.sqrt(options.maxPixels() / pixelsAtOneDpi));
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                Path file = dir.resolve("page-" + i + ".png");
                ImageIO.write(image, "png", file.toFile());
                texts.add(clean(ocr.recognize(file, 1)));
                Files.delete(file);
            }
            return new Recognized(String.join("\n\n", texts), pages);
        } catch (IOException e) {
            throw new CorruptDocumentException("The scanned PDF's pages cannot be rendered for text recognition: "
                    + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    /** A PNG, JPEG or TIFF (every frame of a multi-page TIFF). */
    Recognized image(byte[] content, String extension) {
        int pages = checkImage(content);
        Path dir = tempDir();
        try {
            Path file = dir.resolve("image." + extension);
            Files.write(file, content);
            return new Recognized(clean(ocr.recognize(file, pages)), pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** The frames of an image, each within the pixel limit, read from its header only. */
    private int checkImage(byte[] content) {
        OcrOptions options = ocr.options();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new CorruptDocumentException("The image cannot be read: its format is not recognised.", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int frames = reader.getNumImages(true);
                requirePages(frames, "image");
                for (int i = 0; i < frames; i++) {
                    long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
                    if (pixels > options.maxPixels()) {
                        throw new DocumentLimitExceededException("The image has " + pixels + " pixels, more than the "
                                + options.maxPixels() + " read by text recognition"
                                + " (semsearch.extraction.ocr.max-pixels); scale it down.", null);
                    }
                }
                return frames;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new CorruptDocumentException("The image cannot be read, it is damaged: " + e.getMessage(), e);
        }
    }

    private void requirePages(int pages, String what) {
        if (pages > ocr.options().maxPages()) {
            throw new DocumentLimitExceededException("The " + what + " has " + pages + " pages; text recognition"
                    + " reads at most " + ocr.options().maxPages() + " (semsearch.extraction.ocr.max-pages)."
                    + " Split it.", null);
        }
    }

    /** Tesseract's page breaks go; lines cut by a hyphen are joined as in PDFs. */
    private static String clean(String text) {
        return OfficeReader.joinHyphenatedLines(text.replace('\f', '\n')).strip();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("semsearch-ocr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the extraction
        }
    }
}
