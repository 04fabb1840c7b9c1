package io.semsearch.document;

/** A stored chunk as documents are shown: its place in the content and its text, not its vectors. */
public record ChunkOutline(int ordinal, int start, int end, int tokens, String text) {
}
