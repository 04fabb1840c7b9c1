package io.semsearch.extraction;

/** Where the language of an {@link ExtractedDocument} comes from. */
public enum LanguageSource {
    /** Declared by the file: HTML {@code lang} or meta, PDF catalog or XMP, office document properties. */
    METADATA,
    /** Detected from the extracted text (none declared, or the declared one contradicted by a confident detection). */
    DETECTED
}
