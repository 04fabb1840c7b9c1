package io.semsearch.ingest;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A file to extract and index.
 *
 * @param content where its bytes are (an upload's temporary file, a file of a folder)
 * @param fileName its own name, or null: a hint for the type detection, and kept as metadata {@code fileName}
 * @param declaredType the media type it was sent with, or null: a hint as well (the content decides)
 * @param source the document's unique source
 * @param title the caller's title, or null: the file's own, else the text's first line
 * @param metadata the caller's metadata, or null; they win over the ones read from the file
 * @param language the caller's language (ISO 639-1), or null: the file's own, else detected
 */
public record FileToIndex(Path content, String fileName, String declaredType, String source, String title,
        Map<String, Object> metadata, String language) {

    public FileToIndex {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
    }
}
