package io.semsearch.ingest;

import io.semsearch.extraction.ExtractedDocument;
import io.semsearch.extraction.ExtractionReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/** What the extraction of an uploaded file kept of its text, also stored in the document's metadata. */
@Schema(description = "What the extraction kept of the file's text. For web pages, the main-content extraction "
        + "measures the words it kept against the words of the page's body outside navigation, headers, footers, "
        + "menus and link lists; the other formats keep their whole text.")
public record ExtractionSummary(
        @Schema(description = "The extraction path: html, pdf, docx, odt, markdown, text, image",
                examples = "html") String format,
        @Schema(description = "Web pages: words kept / words of the body outside navigation (0..1), stored as the "
                + "metadata extraction.coverage; null for the formats whose whole text is kept",
                examples = "0.998", nullable = true) Double coverage,
        @Schema(description = "Web pages: words of the body outside navigation (extraction.bodyWords)",
                nullable = true) Integer bodyWords,
        @Schema(description = "Web pages: words kept (extraction.keptWords)", nullable = true) Integer keptWords,
        @Schema(description = "Words of the body outside navigation that the stored text lacks (0 when none or not "
                + "measured)") int droppedWords,
        @Schema(description = "Whether text was left out: droppedWords > 0") boolean textDropped,
        @Schema(description = "Whether the main-content heuristic first chose a fragment of the page and the "
                + "extraction widened it to keep the whole text (extraction.widened)") boolean widened,
        @Schema(description = "Pages or images read by text recognition (OCR), null when none (extraction.ocrPages)",
                nullable = true) Integer ocrPages,
        @Schema(description = "Set when more than 10 % of the body's words were left out: what was dropped and how "
                + "much", nullable = true) String warning) {

    /** Below this coverage the response warns. */
    static final double WARN_BELOW = 0.9;

    static ExtractionSummary of(ExtractedDocument extracted) {
        ExtractionReport report = ExtractionReport.of(extracted.metadata());
        int dropped = report.droppedWords();
        String warning = null;
        if (report.coverage() != null && report.coverage() < WARN_BELOW) {
            warning = String.format(Locale.ROOT, "The page's main-content extraction kept %d of the %d words of its"
                    + " body outside navigation (%.0f %%): %d words were left out as not part of the main text"
                    + " (comments, bylines, asides...).", report.keptWords(), report.bodyWords(),
                    100 * report.coverage(), dropped);
        }
        return new ExtractionSummary(extracted.format().name().toLowerCase(Locale.ROOT), report.coverage(),
                report.bodyWords(), report.keptWords(), dropped, dropped > 0, report.widened(), report.ocrPages(),
                warning);
    }
}
