package io.semsearch.extraction;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The media type of a file from its content (Tika's detector, with the file name and declared type as hints, never
 * from them alone), and the {@link DocumentFormat} that reads it; an {@link ExtractionException} for any other type.
 */
final class TypeDetection {

    private static final MediaType XHTML = MediaType.application("xhtml+xml");
    private static final MediaType HTML = MediaType.text("html");
    private static final MediaType TEXT = MediaType.TEXT_PLAIN;
    private static final MediaType PDF = MediaType.application("pdf");
    private static final Set<MediaType> DOCX = Set.of(
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
            MediaType.application("vnd.ms-word.document.macroenabled.12"));
    private static final MediaType ODT = MediaType.application("vnd.oasis.opendocument.text");
    private static final Set<MediaType> MARKDOWN = Set.of(MediaType.text("x-web-markdown"),
            MediaType.text("markdown"), MediaType.text("x-markdown"));
    private static final Set<MediaType> IMAGES = Set.of(MediaType.image("png"), MediaType.image("jpeg"),
            MediaType.image("tiff"));
    private static final Set<MediaType> PROTECTED = Set.of(MediaType.application("x-tika-ooxml-protected"));

    private final Detector detector;
    private final MediaTypeRegistry registry;

    TypeDetection() {
        MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();
        this.detector = new DefaultDetector(mimeTypes);
        this.registry = mimeTypes.getMediaTypeRegistry();
    }

    /** The media type of the content, with the name and declared type (each may be {@code null}) as hints. */
    MediaType detect(byte[] content, String fileName, String declaredType) {
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        if (declaredType != null && !declaredType.isBlank()) {
            metadata.set(Metadata.CONTENT_TYPE, declaredType);
        }
        try (TikaInputStream in = TikaInputStream.get(content)) {
            MediaType type = detector.detect(in, metadata);
            return type == null ? MediaType.OCTET_STREAM : type;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The format of a detected type; the name and declared type only tell Markdown from other text.
     *
     * @throws EncryptedDocumentException for a password-protected office file
     * @throws UnsupportedDocumentException for any type that is not read
     */
    DocumentFormat formatOf(MediaType detected, String fileName, String declaredType) {
        MediaType type = registry.normalize(detected.getBaseType());
        if (type.equals(HTML) || type.equals(XHTML) || registry.isSpecializationOf(type, HTML)) {
            return DocumentFormat.HTML;
        }
        if (type.equals(PDF)) {
            return DocumentFormat.PDF;
        }
        if (DOCX.contains(type)) {
            return DocumentFormat.DOCX;
        }
        if (type.equals(ODT)) {
            return DocumentFormat.ODT;
        }
        if (MARKDOWN.contains(type) || isMarkdownHint(fileName, declaredType) && isText(type)) {
            return DocumentFormat.MARKDOWN;
        }
        if (isText(type)) {
            return DocumentFormat.TEXT;
        }
        if (IMAGES.contains(type)) {
            return DocumentFormat.IMAGE;
        }
        if (PROTECTED.contains(type)) {
            throw new EncryptedDocumentException("The office document is protected by a password; upload it"
                    + " without the protection.", null);
        }
        throw new UnsupportedDocumentException("The file's content is " + detected.getBaseType()
                + (fileName == null ? "" : " (file " + fileName + ")")
                + ", which is not supported: upload HTML, PDF, DOCX, ODT, Markdown, plain text or a PNG, JPEG or TIFF"
                + " image.",
                detected.getBaseType().toString());
    }

    /** Whether a detected type is XHTML, to be parsed as XML. */
    boolean isXhtml(MediaType type) {
        return registry.normalize(type.getBaseType()).equals(XHTML);
    }

    private boolean isText(MediaType type) {
        return type.equals(TEXT) || registry.isSpecializationOf(type, TEXT);
    }

    static boolean isMarkdownHint(String fileName, String declaredType) {
        if (DocumentFormat.byFileName(fileName).orElse(null) == DocumentFormat.MARKDOWN) {
            return true;
        }
        if (declaredType == null) {
            return false;
        }
        MediaType declared = MediaType.parse(declaredType);
        return declared != null && MARKDOWN.contains(declared.getBaseType());
    }
}
