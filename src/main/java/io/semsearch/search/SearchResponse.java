package io.semsearch.search;

import java.util.List;
import java.util.UUID;

public record SearchResponse(String query, String mode, List<Result> results, String model, Timings timings) {

    /** One retrieved passage; {@code text} is {@code content.substring(start, end)} of its document. */
    public record Result(UUID documentId, String source, String title, int chunk, int start, int end, String text,
            double score, Double similarity) {

        static Result of(SearchHit hit) {
            return new Result(hit.documentId(), hit.source(), hit.title(), hit.chunk(), hit.start(), hit.end(),
                    hit.text(), round(hit.score()), Double.isNaN(hit.similarity()) ? null : round(hit.similarity()));
        }
    }

    public record Timings(double embedMs, double searchMs, double totalMs) {
    }

    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
