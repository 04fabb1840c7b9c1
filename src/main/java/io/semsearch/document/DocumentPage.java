package io.semsearch.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of documents, oldest first.
 *
 * @param page the page number asked for; absent when the page was asked with {@code after}
 * @param total documents in all (or of the source); counted only for a page asked by number
 * @param next the link to the page after this one (its {@code after} cursor); absent on the last page
 */
@Schema(requiredProperties = {"items", "size"})
public record DocumentPage(
        List<DocumentSummary> items,
        @Schema(nullable = true, description = "The page number asked for; absent when the page was asked with "
                + "after") @JsonInclude(JsonInclude.Include.NON_NULL) Integer page,
        int size,
        @Schema(nullable = true, description = "Documents in all (or of the source); counted only for a page asked "
                + "by number, absent with after") @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
        @Schema(nullable = true, description = "The next page: a relative link with its after cursor; absent on the "
                + "last page", example = "/api/documents?size=20&after=MjAyNi0xMi0wN1QxMDowMDowMFp8NmMxZi4uLg")
        @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
}
