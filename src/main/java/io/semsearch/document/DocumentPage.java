package io.semsearch.document;

import java.util.List;

public record DocumentPage(List<DocumentSummary> items, int page, int size, long total) {
}
