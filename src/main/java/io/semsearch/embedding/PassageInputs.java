package io.semsearch.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import io.semsearch.common.TextSpan;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.List;

/**
 * Passages as the model reads them: the special tokens, the passage prefix's tokens, then the passage's. A passage
 * tokenised at chunking keeps its tokens, which are framed here instead of tokenising its text again; this is done
 * only when the tokenizer cuts {@code prefix + text} exactly as the prefix and the text apart (checked on load, on
 * probe texts), else every passage is tokenised whole.
 */
final class PassageInputs {

    private static final Logger LOG = Logger.getLogger(PassageInputs.class);
    /** Accents, apostrophes, guillemets, digits, a leading quote, an emoji: what could make a tokenizer join tokens. */
    private static final List<String> PROBES = List.of(
            "L’été 2023, Microsoft a investi 10 milliards de dollars dans OpenAI.",
            "« Bonjour », dit-elle — à 3,5 % près (voir l'annexe).",
            "ChatGPT 😀 GPT-4o");

    private final ModelTokenizer tokenizer;
    private final String prefix;
    private final int maxTokens;
    private final long[] head;
    private final long[] prefixIds;
    private final long[] tail;
    private final boolean reusesTokens;

    PassageInputs(ModelTokenizer tokenizer, ModelDescriptor descriptor) {
        this.tokenizer = tokenizer;
        this.prefix = descriptor.passagePrefix();
        this.maxTokens = descriptor.maxTokens();
        // The prefix's tokens as they are cut before a text: alone, SentencePiece makes a token of its final space.
        long[] whole = tokenizer.encode(prefix + PROBES.get(0)).getIds();
        long[] bare = tokenizer.tokenize(prefix + PROBES.get(0)).ids();
        long[] probe = tokenizer.tokenize(PROBES.get(0)).ids();
        int at = indexOf(whole, bare);
        boolean framed = at >= 0 && bare.length >= probe.length
                && Arrays.equals(bare, bare.length - probe.length, bare.length, probe, 0, probe.length);
        this.head = framed ? Arrays.copyOfRange(whole, 0, at) : new long[0];
        this.tail = framed ? Arrays.copyOfRange(whole, at + bare.length, whole.length) : new long[0];
        this.prefixIds = framed ? Arrays.copyOf(bare, bare.length - probe.length) : new long[0];
        this.reusesTokens = framed && PROBES.stream().allMatch(this::framedAsWhole);
        if (!reusesTokens) {
            LOG.warnf("The tokenizer of model '%s' does not cut a passage as its prefix and its text apart: "
                    + "passages are tokenised again to be embedded", descriptor.name());
        }
    }

    /** Whether passages tokenised at chunking are embedded from their tokens. */
    boolean reusesTokens() {
        return reusesTokens;
    }

    /** The passage framed from its tokens when it has them (and they can be reused), else from its text. */
    ModelInput of(PassageText passage) {
        return passage.tokens() != null && reusesTokens ? framed(passage.tokens()) : whole(passage.text());
    }

    /** The passage's text tokenised with the prefix, as the model reads it. */
    ModelInput whole(String text) {
        String encoded = prefix + text;
        Encoding encoding = tokenizer.encode(encoded);
        long[] ids = ModelInput.truncate(encoding.getIds(), maxTokens);
        return new ModelInput(ids, TokenSpans.inPassage(encoding.getCharTokenSpans(), encoded, prefix.length(),
                ids.length));
    }

    /** The passage's own tokens between the special tokens and the prefix's, as the model reads them. */
    ModelInput framed(Tokens tokens) {
        int before = head.length + prefixIds.length;
        long[] ids = new long[before + tokens.count() + tail.length];
        System.arraycopy(head, 0, ids, 0, head.length);
        System.arraycopy(prefixIds, 0, ids, head.length, prefixIds.length);
        System.arraycopy(tokens.ids(), 0, ids, before, tokens.count());
        System.arraycopy(tail, 0, ids, before + tokens.count(), tail.length);
        TextSpan[] spans = new TextSpan[ids.length];
        System.arraycopy(tokens.spans(), 0, spans, before, tokens.count());
        long[] kept = ModelInput.truncate(ids, maxTokens);
        return new ModelInput(kept, ModelInput.keep(spans, kept.length));
    }

    private boolean framedAsWhole(String probe) {
        ModelInput whole = whole(probe);
        ModelInput framed = framed(tokenizer.tokenize(probe));
        return Arrays.equals(whole.ids(), framed.ids()) && Arrays.equals(whole.tokenSpans(), framed.tokenSpans());
    }

    private static int indexOf(long[] array, long[] part) {
        for (int i = 0; i + part.length <= array.length; i++) {
            if (Arrays.equals(array, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
