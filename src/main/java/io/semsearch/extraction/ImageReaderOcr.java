package io.semsearch.extraction;

import org.apache.tika.mime.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** PNG, JPEG and TIFF images: their text read by OCR ({@link ScannedPages}). */
final class ImageReaderOcr implements FormatReader {

    private final ScannedPages scans;

    ImageReaderOcr(ScannedPages scans) {
        this.scans = scans;
    }

    @Override
    public Draft read(byte[] content, MediaType type, String fileName) {
        String subtype = type.getSubtype();
        if (!scans.options().enabled()) {
            throw new UnsupportedDocumentException("The file's content is " + type.getBaseType()
                    + (fileName == null ? "" : " (file " + fileName + ")") + "; text recognition (OCR) is off on"
                    + " this server (semsearch.extraction.ocr.enabled): upload HTML, PDF, DOCX, ODT, Markdown or plain"
                    + " text.", type.getBaseType().toString());
        }
        String extension = switch (subtype) {
            case "jpeg" -> "jpg";
            case "tiff" -> "tif";
            default -> "png";
        };
        ScannedPages.Recognized recognized = scans.image(content, extension);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(ExtractionReport.OCR_PAGES, recognized.pages());
        extra.put("pages", recognized.pages());
        return new Draft(recognized.text(), null, null, null, null, null, extra,
                "Text recognition (OCR) found no text in the image.");
    }
}
