package io.semsearch.extraction;

import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.SecureContentHandler;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.InputStream;
import java.util.Locale;

/**
 * PDF, DOCX and ODT through Apache Tika's parsers, as XHTML (rendered to text by {@link BlockText}) and Tika
 * metadata. Each call gets its own parse context; the parsers are stateless and shared.
 *
 * <p>Limits: the text a parser may write ({@link ExtractionOptions#maxChars()}); Tika's {@link SecureContentHandler}
 * (compression ratio of text to file bytes past a million characters, XML nesting depth); POI's own zip-bomb guard
 * on office files (a part that inflates more than 100 times its compressed size is refused before it is read).
 * Embedded documents (images, attached files, OLE objects) are not parsed. No OCR.
 */
final class TikaExtraction {

    /** What a parser produced. */
    record Parsed(String xhtml, Metadata metadata) {
    }

    private static final int MAX_XML_DEPTH = 200;

    private final Parser pdf = new PDFParser();
    private final Parser ooxml = new OOXMLParser();
    private final Parser odf = new OpenDocumentParser();
    private final ExtractionOptions options;

    TikaExtraction(ExtractionOptions options) {
        this.options = options;
    }

    Parsed parse(byte[] content, DocumentFormat format, String mediaType, String fileName) {
        Parser parser = switch (format) {
            case PDF -> pdf;
            case DOCX -> ooxml;
            case ODT -> odf;
            default -> throw new IllegalArgumentException("not a Tika format: " + format);
        };
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        ToXMLContentHandler xhtml = new ToXMLContentHandler();
        WriteOutContentHandler limited = new WriteOutContentHandler(xhtml, options.maxChars());
        String what = label(format);
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            SecureContentHandler secure = new SecureContentHandler(limited, stream);
            secure.setMaximumCompressionRatio(options.maxCompressionRatio());
            secure.setMaximumDepth(MAX_XML_DEPTH);
            try {
                parser.parse(stream, secure, metadata, context());
            } catch (SAXException e) {
                secure.throwIfCauseOf(e);
                throw e;
            }
        } catch (org.apache.tika.exception.EncryptedDocumentException e) {
            throw new EncryptedDocumentException("The " + what + " is protected by a password; upload it without"
                    + " the protection.", e);
        } catch (Exception e) {
            throw translate(e, what);
        }
        return new Parsed(xhtml.toString(), metadata);
    }

    private ExtractionException translate(Exception e, String what) {
        if (WriteLimitReachedException.isWriteLimitReached(e)) {
            return new DocumentLimitExceededException("The " + what + " holds more than " + options.maxChars()
                    + " characters of text (semsearch.extraction.max-chars); split it.", e);
        }
        if (isZipBomb(e)) {
            return new DocumentLimitExceededException("The " + what + " expands far beyond its size when"
                    + " decompressed (suspected zip bomb); it was not read.", e);
        }
        if (e instanceof TikaMemoryLimitException) {
            return new DocumentLimitExceededException("The " + what + " needs more memory to parse than allowed: "
                    + e.getMessage(), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.tika.exception.EncryptedDocumentException
                    || t.getClass().getName().endsWith("InvalidPasswordException")) {
                return new EncryptedDocumentException("The " + what + " is protected by a password; upload it"
                        + " without the protection.", e);
            }
        }
        return new CorruptDocumentException("The " + what + " cannot be read, it is damaged or not a valid "
                + what + ": " + rootMessage(e), e);
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return true;
            }
            if (t.getClass().getSimpleName().contains("ZipBomb")) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static ParseContext context() {
        ParseContext context = new ParseContext();
        PDFParserConfig pdfConfig = new PDFParserConfig();
        pdfConfig.setExtractInlineImages(false);
        pdfConfig.setExtractBookmarksText(false);
        pdfConfig.setExtractAnnotationText(false);
        pdfConfig.setExtractAcroFormContent(false);
        pdfConfig.setExtractActions(false);
        pdfConfig.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdfConfig);
        OfficeParserConfig officeConfig = new OfficeParserConfig();
        officeConfig.setIncludeHeadersAndFooters(false);
        officeConfig.setIncludeDeletedContent(false);
        officeConfig.setIncludeMoveFromContent(false);
        officeConfig.setExtractMacros(false);
        // DOCX through POI's SAX reader, not through XMLBeans (thousands of generated schema classes looked up by
        // reflection: what a native executable cannot do without registering them all)
        officeConfig.setUseSAXDocxExtractor(true);
        context.set(OfficeParserConfig.class, officeConfig);
        context.set(EmbeddedDocumentExtractor.class, new SkipEmbedded());
        return context;
    }

    private static String label(DocumentFormat format) {
        return switch (format) {
            case PDF -> "PDF";
            case DOCX -> "DOCX document";
            case ODT -> "ODT document";
            default -> format.name();
        };
    }

    /** Embedded files (images, attachments, OLE objects) are not parsed. */
    private static final class SkipEmbedded implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // never called: shouldParseEmbedded is false
        }
    }
}
