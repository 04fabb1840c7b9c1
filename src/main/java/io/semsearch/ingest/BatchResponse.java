package io.semsearch.ingest;

import java.util.List;

/** One result per submitted document, in submission order. */
public record BatchResponse(List<IndexResponse> results) {
}
