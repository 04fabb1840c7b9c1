package io.semsearch.extraction;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.jsoup.Jsoup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * PDF, DOCX and ODT through Tika ({@link TikaExtraction}): the XHTML it writes rendered by {@link BlockText}, and the
 * document's properties. A PDF must be complete; an office archive passes {@link ZipBombGuard} first.
 */
final class OfficeReader implements FormatReader {

    /** Bytes all parts of an office file may inflate to, per character of {@link ExtractionOptions#maxChars()}. */
    static final long MAX_INFLATED_PER_CHAR = 64;

    /**
     * Bytes a PDF's page and form content streams may inflate to, per character of
     * {@link ExtractionOptions#maxChars()}: the parser interprets them operator by operator, and cannot be stopped.
     */
    static final long MAX_PDF_CONTENT_PER_CHAR = 16;

    private final DocumentFormat format;
    private final ExtractionOptions options;
    private final TikaExtraction tika;
    private final ScannedPages scans;

    /** @param scans the OCR of a PDF without text layer, {@code null} for the other formats */
    OfficeReader(DocumentFormat format, ExtractionOptions options, TikaExtraction tika, ScannedPages scans) {
        this.format = format;
        this.options = options;
        this.tika = tika;
        this.scans = scans;
    }

    @Override
    public Draft read(byte[] content, MediaType type, String fileName) {
        if (format == DocumentFormat.PDF) {
            requireComplete(content);
            PdfContentGuard.check(content, options.maxCompressionRatio(),
                    MAX_PDF_CONTENT_PER_CHAR * options.maxChars());
        } else {
            ZipBombGuard.check(content, options.maxCompressionRatio(), MAX_INFLATED_PER_CHAR * options.maxChars(),
                    format == DocumentFormat.DOCX ? "DOCX document" : "ODT document");
        }
        TikaExtraction.Parsed parsed = tika.parse(content, format, type.toString(), fileName);
        Metadata md = parsed.metadata();
        String text = BlockText.render(Jsoup.parse(parsed.xhtml()).body());
        if (format == DocumentFormat.PDF) {
            text = joinHyphenatedLines(text);
        }
        String author = String.join(", ", values(md, TikaCoreProperties.CREATOR.getName()));
        String reason = format == DocumentFormat.PDF
                ? "The PDF has no text layer (a scanned document?) and text recognition (OCR) is off on this server"
                        + " (semsearch.extraction.ocr.enabled)."
                : "The document holds no text.";
        Map<String, Object> extra = extra(md);
        if (format == DocumentFormat.PDF && scans != null && scans.options().enabled()
                && DocumentFinisher.lettersOrDigits(text) < Math.max(1, options.minTextChars())) {
            ScannedPages.Recognized recognized = scans.pdf(content);
            text = recognized.text();
            extra.put(ExtractionReport.OCR_PAGES, recognized.pages());
            reason = "The PDF has no text layer and text recognition (OCR) found no text in its pages.";
        }
        return new Draft(text, MetadataValues.clean(md.get(TikaCoreProperties.TITLE)), MetadataValues.clean(author),
                md.get(TikaCoreProperties.CREATED), md.get(TikaCoreProperties.MODIFIED),
                md.get(TikaCoreProperties.LANGUAGE), extra, reason);
    }

    /** Description, keywords, page count and producer. */
    static Map<String, Object> extra(Metadata md) {
        Map<String, Object> extra = new LinkedHashMap<>();
        MetadataValues.put(extra, "description", HtmlMetadata.first(md.get(TikaCoreProperties.DESCRIPTION),
                md.get(TikaCoreProperties.SUBJECT)));
        List<String> keywords = keywords(md);
        if (!keywords.isEmpty()) {
            extra.put("keywords", keywords);
        }
        Integer pages = integer(HtmlMetadata.first(md.get(PagedText.N_PAGES), md.get(Office.PAGE_COUNT)));
        if (pages != null) {
            extra.put("pages", pages);
        }
        MetadataValues.put(extra, "producer", HtmlMetadata.first(md.get(TikaCoreProperties.CREATOR_TOOL),
                md.get(PDF.PRODUCER), md.get(PDF.DOC_INFO_PRODUCER)));
        return extra;
    }

    /** The keywords of both properties, split at commas and semicolons, without repeats. */
    private static List<String> keywords(Metadata md) {
        List<String> keywords = new ArrayList<>();
        for (String value : values(md, Office.KEYWORDS.getName(), "pdf:docinfo:keywords")) {
            for (String keyword : value.split("[,;]")) {
                if (!keyword.isBlank()) {
                    keywords.add(keyword.strip());
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(keywords));
    }

    /** A PDF ends with an {@code %%EOF} marker (within its last kilobyte or so); without it the file was cut. */
    static void requireComplete(byte[] content) {
        int end = content.length;
        while (end > 0 && (content[end - 1] <= ' ')) {
            end--;
        }
        int from = Math.max(0, end - 2048);
        String tail = new String(content, from, end - from, StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw new TruncatedDocumentException("The PDF is truncated: it has no end-of-file marker (%%EOF), the"
                    + " upload or copy was probably cut short. Send the complete file.");
        }
    }

    /** PDF lines cut by a hyphen at the end ("exem-" / "ple") are joined when the next line starts in lower case. */
    static String joinHyphenatedLines(String text) {
        return text.replaceAll("(\\p{L})-\\n(\\p{Ll})", "$1$2");
    }

    private static List<String> values(Metadata md, String... names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            for (String value : md.getValues(name)) {
                if (value != null && !value.isBlank() && !out.contains(value.strip())) {
                    out.add(value.strip());
                }
            }
        }
        return out;
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
