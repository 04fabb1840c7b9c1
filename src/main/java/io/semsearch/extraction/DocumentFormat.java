package io.semsearch.extraction;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The formats whose text is extracted; anything else is refused with {@link UnsupportedDocumentException}. */
public enum DocumentFormat {
    HTML("text/html", "html", "htm", "xhtml", "xht"),
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    MARKDOWN("text/markdown", "md", "markdown"),
    TEXT("text/plain", "txt", "text"),
    /** PNG, JPEG or TIFF, read by OCR. */
    IMAGE("image/png", "png", "jpg", "jpeg", "tif", "tiff");

    private final String mediaType;
    private final Set<String> extensions;

    DocumentFormat(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = Set.of(extensions);
    }

    /** The format's canonical media type (the detected one, which may be more specific, is in the result). */
    public String mediaType() {
        return mediaType;
    }

    public Set<String> extensions() {
        return extensions;
    }

    /**
     * The format a file name suggests, from its extension: a cheap pre-filter for folder scans. The content decides in
     * the end: a {@code .txt} file holding a PDF is extracted as a PDF.
     */
    public static Optional<DocumentFormat> byFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (DocumentFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
