package io.semsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;

/**
 * LangChain4j {@link DocumentSplitter} delegating to {@link SentenceChunker}. Each {@link TextSegment} carries a copy
 * of the document's metadata plus {@value #ORDINAL}, {@value #START}, {@value #END} (character offsets into the
 * document text) and {@value #TOKENS} as integers, and {@value #INDEX} (the ordinal as a string, the key LangChain4j's
 * own splitters use).
 */
public final class SentenceChunkDocumentSplitter implements DocumentSplitter {

    public static final String ORDINAL = "ordinal";
    public static final String START = "start";
    public static final String END = "end";
    public static final String TOKENS = "tokens";
    public static final String INDEX = "index";

    private final SentenceChunker chunker;

    public SentenceChunkDocumentSplitter(SentenceChunker chunker) {
        this.chunker = Objects.requireNonNull(chunker, "chunker");
    }

    @Override
    public List<TextSegment> split(Document document) {
        String text = document.text();
        List<TextSegment> segments = new ArrayList<>();
        for (TextChunk chunk : chunker.chunk(text)) {
            Metadata metadata = document.metadata() == null ? new Metadata() : document.metadata().copy();
            metadata.put(ORDINAL, chunk.ordinal());
            metadata.put(START, chunk.start());
            metadata.put(END, chunk.end());
            metadata.put(TOKENS, chunk.tokenCount());
            metadata.put(INDEX, String.valueOf(chunk.ordinal()));
            segments.add(TextSegment.from(chunk.text(), metadata));
        }
        return segments;
    }
}
