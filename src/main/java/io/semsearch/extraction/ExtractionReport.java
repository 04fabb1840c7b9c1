package io.semsearch.extraction;

import java.util.Map;

/**
 * How much of a file's text the extraction kept, read back from {@link ExtractedDocument#metadata()}.
 *
 * @param coverage for web pages, the words kept over the words of the page's body outside navigation, headers,
 *     footers, menus and link lists (0..1); {@code null} for the formats whose whole text is kept
 * @param bodyWords words of the page's body outside navigation, {@code null} with {@code coverage}
 * @param keptWords words kept, {@code null} with {@code coverage}
 * @param widened whether the main-content heuristic chose a container keeping too little and widened it
 * @param ocrPages pages (or images) whose text was read by OCR, {@code null} when none
 */
public record ExtractionReport(Double coverage, Integer bodyWords, Integer keptWords, boolean widened,
        Integer ocrPages) {

    public static final String COVERAGE = "extraction.coverage";
    public static final String BODY_WORDS = "extraction.bodyWords";
    public static final String KEPT_WORDS = "extraction.keptWords";
    public static final String WIDENED = "extraction.widened";
    /** Words the heuristic's first container held, when it was widened. */
    public static final String CONTAINER_WORDS = "extraction.containerWords";
    public static final String OCR_PAGES = "extraction.ocrPages";

    public static ExtractionReport of(Map<String, Object> metadata) {
        return new ExtractionReport(number(metadata.get(COVERAGE)) == null ? null
                : number(metadata.get(COVERAGE)).doubleValue(), integer(metadata.get(BODY_WORDS)),
                integer(metadata.get(KEPT_WORDS)), Boolean.TRUE.equals(metadata.get(WIDENED)),
                integer(metadata.get(OCR_PAGES)));
    }

    /** Words of the body outside navigation that the text lacks, 0 when every word was kept or not measured. */
    public int droppedWords() {
        return bodyWords == null || keptWords == null ? 0 : Math.max(0, bodyWords - keptWords);
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : null;
    }

    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
