package io.semsearch.document;

import java.util.List;

/** One result per submitted document, in submission order. */
public record BatchResponse(List<IndexResponse> results) {
}
