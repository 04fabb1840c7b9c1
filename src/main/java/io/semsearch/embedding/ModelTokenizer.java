package io.semsearch.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.semsearch.common.TextSpan;

import java.io.IOException;

/**
 * The model's own Hugging Face tokenizer, read from its folder (never from a hub). Truncation and padding are left to
 * the caller, so that it also counts the tokens of texts longer than the model's window. Thread-safe.
 */
final class ModelTokenizer implements AutoCloseable {

    /** SentencePiece's mark of a space, as a token of its own. */
    private static final String ADDED_SPACE = "\u2581";

    private final HuggingFaceTokenizer tokenizer;

    private ModelTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    static ModelTokenizer load(ModelDescriptor descriptor) throws IOException {
        return new ModelTokenizer(loadHuggingFace(descriptor));
    }

    static HuggingFaceTokenizer loadHuggingFace(ModelDescriptor descriptor) throws IOException {
        HuggingFaceTokenizer.Builder builder = HuggingFaceTokenizer.builder()
                .optTokenizerPath(descriptor.tokenizerPath())
                .optAddSpecialTokens(true)
                .optTruncation(false)
                .optPadding(false);
        descriptor.tokenizerConfigPath().ifPresent(path -> builder.optTokenizerConfigPath(path.toString()));
        return builder.build();
    }

    /** The text's encoding with the special tokens, untruncated. */
    Encoding encode(String text) {
        return tokenizer.encode(text);
    }

    /**
     * The text's tokens, special tokens excluded, with their spans in chars. A SentencePiece tokenizer adds a space
     * before the text and may make a token of it alone ("▁"), which it places on the first character: that token
     * covers no character of the text, as it covers only the space after the prefix when the prefix is tokenised
     * with the text.
     */
    Tokens tokenize(String text) {
        Encoding encoding = tokenizer.encode(text, false, false);
        TextSpan[] spans = TokenSpans.inText(encoding.getCharTokenSpans(), text);
        String[] tokens = encoding.getTokens();
        for (int t = 0; t < spans.length; t++) {
            if (spans[t] != null && ADDED_SPACE.equals(tokens[t]) && !spans[t].in(text).isBlank()) {
                spans[t] = null;
            }
        }
        return new Tokens(encoding.getIds(), spans);
    }

    /** Number of tokens of a text, special tokens excluded. */
    int countTokens(String text) {
        return tokenizer.encode(text, false, false).getIds().length;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
