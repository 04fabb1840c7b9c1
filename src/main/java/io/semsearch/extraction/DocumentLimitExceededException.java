package io.semsearch.extraction;

/**
 * Parsing stopped at a safety limit: a compressed office file that expands far beyond its size (zip bomb), more text
 * than {@link ExtractionOptions#maxChars()}, or a nesting deeper than the parser allows (HTTP 422).
 */
public final class DocumentLimitExceededException extends ExtractionException {

    public DocumentLimitExceededException(String detail, Throwable cause) {
        super(422, "Document exceeds extraction limits", detail, cause);
    }
}
