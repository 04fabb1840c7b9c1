package io.semsearch.embedding;

import ai.djl.huggingface.tokenizers.jni.CharSpan;
import io.semsearch.common.TextSpan;

/** Token spans as the tokenizer gives them (code points) turned into spans of Java strings (UTF-16 chars). */
final class TokenSpans {

    private TokenSpans() {
    }

    /**
     * Each token's span in {@code text}, in chars; null for special tokens and for tokens that cover no character.
     *
     * @param charSpans the encoding's token spans into {@code text}, counted in code points
     */
    static TextSpan[] inText(CharSpan[] charSpans, String text) {
        int[] charIndex = null;
        if (text.codePointCount(0, text.length()) != text.length()) {
            charIndex = new int[text.codePointCount(0, text.length()) + 1];
            for (int codePoint = 0, index = 0; codePoint < charIndex.length; codePoint++) {
                charIndex[codePoint] = index;
                index = index < text.length() ? text.offsetByCodePoints(index, 1) : index;
            }
        }
        TextSpan[] spans = new TextSpan[charSpans.length];
        for (int t = 0; t < charSpans.length; t++) {
            CharSpan span = charSpans[t];
            if (span != null && span.getEnd() > span.getStart()) {
                spans[t] = charIndex == null ? new TextSpan(span.getStart(), span.getEnd())
                        : new TextSpan(charIndex[span.getStart()], charIndex[span.getEnd()]);
            }
        }
        return spans;
    }

    /**
     * Where each kept token of {@code prefix + passage} lies in the passage, as {@link ModelInput#truncate} keeps
     * tokens: null for special tokens and for tokens of the prefix; a token straddling the prefix is clipped to the
     * passage.
     *
     * @param charSpans the encoding's token spans into {@code encoded}, null or empty for special tokens
     * @param encoded the prefix followed by the passage
     * @param prefixLength length of the prefix, in chars
     * @param keptTokens number of tokens left after truncation
     */
    static TextSpan[] inPassage(CharSpan[] charSpans, String encoded, int prefixLength, int keptTokens) {
        TextSpan[] spans = inText(charSpans, encoded);
        for (int t = 0; t < spans.length; t++) {
            TextSpan span = spans[t];
            if (span != null) {
                spans[t] = span.end() > prefixLength
                        ? new TextSpan(Math.max(span.start() - prefixLength, 0), span.end() - prefixLength) : null;
            }
        }
        return ModelInput.keep(spans, keptTokens);
    }
}
