package io.semsearch.extraction;

/**
 * The file was read but holds no text worth indexing: an empty file, a web page with only navigation and other
 * boilerplate, a scanned PDF without a text layer (HTTP 422).
 */
public final class NoMainTextException extends ExtractionException {

    public NoMainTextException(String detail) {
        super(422, "No main text", detail, null);
    }
}
