package io.semsearch.extraction;

/** The file's content is of a type this service does not extract, whatever its name or declared type (HTTP 415). */
public final class UnsupportedDocumentException extends ExtractionException {

    private final String mediaType;

    public UnsupportedDocumentException(String detail, String mediaType) {
        super(415, "Unsupported document type", detail, null);
        this.mediaType = mediaType;
    }

    /** The media type detected from the content. */
    public String mediaType() {
        return mediaType;
    }
}
