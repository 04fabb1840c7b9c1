package io.semsearch.search;

import io.semsearch.common.Measures;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

public record SearchResponse(String query, SearchMode mode, List<Result> results, String model, Timings timings) {

    /**
     * One retrieved passage; {@code text} is {@code content.substring(start, end)} of its document.
     *
     * @param chunk the chunk's ordinal in its document
     */
    @Schema(name = "SearchResult")
    public record Result(UUID documentId, String source, String title, int chunk, int start, int end, String text,
            double score,
            @Schema(description = "Cosine similarity of the query and the passage; null for a passage only the "
                    + "lexical retriever found", nullable = true) Double similarity) {

        static Result of(SearchHit hit) {
            return new Result(hit.documentId(), hit.source(), hit.title(), hit.ordinal(), hit.start(), hit.end(),
                    hit.text(), Measures.score(hit.score()),
                    Double.isNaN(hit.similarity()) ? null : Measures.score(hit.similarity()));
        }
    }

    @Schema(name = "SearchTimings", description = "Milliseconds spent embedding the query, retrieving, in all")
    public record Timings(double embedMs, double searchMs, double totalMs) {
    }

    public static SearchResponse of(SearchQuery query, Retrieval retrieval, long totalNanos) {
        return new SearchResponse(query.text(), query.mode(),
                retrieval.hits().stream().map(Result::of).toList(), retrieval.model(),
                new Timings(Measures.millis(retrieval.embedNanos()), Measures.millis(retrieval.searchNanos()),
                        Measures.millis(totalNanos)));
    }
}
