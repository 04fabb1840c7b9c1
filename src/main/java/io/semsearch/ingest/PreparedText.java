package io.semsearch.ingest;

import java.util.List;

/**
 * A text cleaned, its language decided and its content chunked, ready to embed.
 *
 * @param position the request's position among those indexed together
 * @param sha256 of the text as submitted, before cleaning
 * @param reembed the stored text is embedded again: written whatever the decision on its request would be
 */
record PreparedText(int position, IndexRequest request, String sha256, String title, String content,
        String language, List<TextChunk> chunks, boolean reembed) {
}
