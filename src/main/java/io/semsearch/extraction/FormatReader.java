package io.semsearch.extraction;

import org.apache.tika.mime.MediaType;

/** Reads the text and metadata of one format from a file's bytes; thread-safe. */
interface FormatReader {

    /**
     * @param type the media type detected from the content
     * @param fileName the file's name, or {@code null}
     * @throws ExtractionException when the file is refused
     */
    Draft read(byte[] content, MediaType type, String fileName);
}
