package io.semsearch.ingest;

import java.util.Map;

/** A text to index under a caller-chosen unique {@code source}. Title and metadata are optional. */
public record IndexRequest(String source, String title, String text, Map<String, Object> metadata) {
}
