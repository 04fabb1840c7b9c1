package io.semsearch.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.semsearch.common.DaemonThreads;
import io.semsearch.common.TextSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Sentence embeddings computed in-process with the {@link EmbeddingModel}: tokenisation, batches of similar length
 * spread over its predictors, mean pooling over the attention mask, L2 normalisation. Thread-safe.
 */
@Startup
@ApplicationScoped
public class EmbeddingService implements Embedder {

    private static final Logger LOG = Logger.getLogger(EmbeddingService.class);
    private static final Pooling<float[]> MEAN = (states, row, text, encoding) -> states.meanPool(row);

    private final EmbeddingConfig config;
    private final EmbeddingModel model;
    private final ActiveModel activeModel;
    /** Helper threads that take the batches of a call alongside its caller, so that every predictor can work on it. */
    private final ExecutorService helpers;
    private final Timer queryTimer;
    private final Timer passageTimer;
    private final Timer sentenceTimer;

    public EmbeddingService(EmbeddingConfig config, MeterRegistry registry) {
        long started = System.nanoTime();
        this.config = config;
        this.model = EmbeddingModel.load(config);
        this.activeModel = model.active();
        this.helpers = Executors.newFixedThreadPool(Math.max(1, model.predictorCount() - 1),
                DaemonThreads.numbered("embedding"));
        this.queryTimer = timer(registry, "query");
        this.passageTimer = timer(registry, "passage");
        this.sentenceTimer = timer(registry, "sentence");
        ModelDescriptor descriptor = activeModel.descriptor();
        float[] probe = embedQuery("probe");
        if (probe.length != descriptor.dimension()) {
            throw new EmbeddingException("Model '" + descriptor.name() + "' produces " + probe.length
                    + " dimensions, its descriptor says " + descriptor.dimension());
        }
        LOG.infof("Embedding model '%s' ready in %d ms (%d dims, inputs %s, %d predictors)", descriptor.name(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), descriptor.dimension(),
                model.inputNames(), model.predictorCount());
    }

    private static Timer timer(MeterRegistry registry, String kind) {
        return Timer.builder("semsearch.embedding").tag("kind", kind)
                .description("Time to embed texts, per call").register(registry);
    }

    /**
     * The model's own tokenizer, read from its folder (never from a hub), untruncated and unpadded, so that it also
     * counts the tokens of texts longer than the model's window.
     */
    public static HuggingFaceTokenizer loadTokenizer(ModelDescriptor descriptor) throws IOException {
        return EmbeddingModel.loadTokenizer(descriptor);
    }

    public ActiveModel activeModel() {
        return activeModel;
    }

    @Override
    public String modelName() {
        return activeModel.name();
    }

    /** Embeds a search question with the model's query prefix. */
    @Override
    public float[] embedQuery(String question) {
        String text = activeModel.descriptor().queryPrefix() + question;
        return queryTimer.record(() -> embedBatch(List.of(text), List.of(0), MEAN).get(0));
    }

    /**
     * Embeds passages to index and, from the same forward pass, each of their sentences ("late chunking"): a
     * sentence's vector is the mean of the hidden states of the tokens overlapping it, read in the context of the
     * whole passage. Passages get the model's passage prefix and are embedded in batches of similar length.
     *
     * @param sentences per passage, character ranges into that passage
     */
    @Override
    public List<PassageEmbedding> embedPassages(List<String> passages, List<List<TextSpan>> sentences) {
        if (sentences.size() != passages.size()) {
            throw new IllegalArgumentException(passages.size() + " passages but " + sentences.size() + " span lists");
        }
        String prefix = activeModel.descriptor().passagePrefix();
        List<String> texts = passages.stream().map(p -> prefix + p).toList();
        Pooling<PassageEmbedding> pooling = (states, row, text, encoding) -> {
            TextSpan[] tokenSpans = tokenSpansInPassage(encoding.getCharTokenSpans(), texts.get(text),
                    prefix.length(), states.tokens(row));
            List<float[]> sentenceVectors = new ArrayList<>(sentences.get(text).size());
            for (TextSpan sentence : sentences.get(text)) {
                float[] vector = states.meanPool(row, tokenSpans, sentence);
                if (vector == null) {
                    throw new EmbeddingException("Sentence " + sentence + " of a passage lies outside the model's "
                            + "window of " + activeModel.descriptor().maxTokens() + " tokens");
                }
                sentenceVectors.add(vector);
            }
            return new PassageEmbedding(states.meanPool(row), sentenceVectors);
        };
        return passageTimer.record(() -> embedAll(texts, pooling));
    }

    /**
     * Embeds sentences on their own, to be compared with a query. They get the passage prefix: to the model, an
     * answer sentence is a (short) passage.
     */
    public List<float[]> embedSentences(List<String> sentences) {
        String prefix = activeModel.descriptor().passagePrefix();
        return sentenceTimer.record(() -> embedAll(sentences.stream().map(s -> prefix + s).toList(), MEAN));
    }

    /** Number of tokens the model's tokenizer makes of a text, special tokens excluded. */
    public int countTokens(String text) {
        return model.countTokens(text);
    }

    /**
     * Embeds texts in batches of similar length (sorting by length keeps padding, hence wasted compute, low), the
     * batches spread over the predictors: as many forward passes at once as there are predictors.
     */
    private <T> List<T> embedAll(List<String> texts, Pooling<T> pooling) {
        List<Integer> order = IntStream.range(0, texts.size()).boxed()
                .sorted(Comparator.comparingInt(i -> texts.get(i).length())).toList();
        List<T> results = new ArrayList<>(Collections.nCopies(texts.size(), null));
        int batchSize = Math.max(1, config.batchSize());
        List<List<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += batchSize) {
            batches.add(order.subList(from, Math.min(order.size(), from + batchSize)));
        }
        SharedBatches work = new SharedBatches(batches.size(), b -> embedInto(texts, batches.get(b), pooling, results));
        for (int h = 0; h < Math.min(batches.size() - 1, model.predictorCount() - 1); h++) {
            helpers.execute(work::help);
        }
        work.runAndAwaitHelpers();
        return results;
    }

    private <T> void embedInto(List<String> texts, List<Integer> batch, Pooling<T> pooling, List<T> results) {
        List<T> pooled = embedBatch(texts, batch, pooling);
        synchronized (results) {
            for (int row = 0; row < batch.size(); row++) {
                results.set(batch.get(row), pooled.get(row));
            }
        }
    }

    /** One forward pass over the texts at the given indices, padded to the longest; one result per index. */
    private <T> List<T> embedBatch(List<String> texts, List<Integer> batchIndices, Pooling<T> pooling) {
        if (batchIndices.isEmpty()) {
            return List.of();
        }
        ModelDescriptor descriptor = activeModel.descriptor();
        int batch = batchIndices.size();
        Encoding[] encodings = new Encoding[batch];
        long[][] ids = new long[batch][];
        int length = 0;
        for (int i = 0; i < batch; i++) {
            encodings[i] = model.encode(texts.get(batchIndices.get(i)));
            ids[i] = truncate(encodings[i].getIds(), descriptor.maxTokens());
            length = Math.max(length, ids[i].length);
        }
        long[] inputIds = new long[batch * length];
        long[] attentionMask = new long[batch * length];
        Arrays.fill(inputIds, descriptor.padTokenId());
        for (int i = 0; i < batch; i++) {
            System.arraycopy(ids[i], 0, inputIds, i * length, ids[i].length);
            Arrays.fill(attentionMask, i * length, i * length + ids[i].length, 1L);
        }
        HiddenStates states = model.forward(inputIds, attentionMask, batch, length);
        List<T> pooled = new ArrayList<>(batch);
        for (int row = 0; row < batch; row++) {
            pooled.add(pooling.pool(states, row, batchIndices.get(row), encodings[row]));
        }
        return pooled;
    }

    /** Keeps the first {@code max - 1} ids and the closing special token. */
    static long[] truncate(long[] ids, int max) {
        if (ids.length <= max) {
            return ids;
        }
        long[] truncated = Arrays.copyOf(ids, max);
        truncated[max - 1] = ids[ids.length - 1];
        return truncated;
    }

    /**
     * Where each kept token lies in the passage, as {@link #truncate} keeps tokens: null for special tokens and for
     * tokens of the prefix. The tokenizer counts offsets in code points; the spans returned count UTF-16 chars, as
     * Java strings and {@link TextSpan} do.
     *
     * @param charSpans the encoding's token spans into {@code encoded}, null or empty for special tokens
     * @param encoded the prefix followed by the passage
     * @param prefixLength length of the prefix, in chars
     * @param keptTokens number of tokens left after truncation
     */
    static TextSpan[] tokenSpansInPassage(CharSpan[] charSpans, String encoded, int prefixLength, int keptTokens) {
        int[] charIndex = null;
        if (encoded.codePointCount(0, encoded.length()) != encoded.length()) {
            charIndex = new int[encoded.codePointCount(0, encoded.length()) + 1];
            for (int codePoint = 0, index = 0; codePoint < charIndex.length; codePoint++) {
                charIndex[codePoint] = index;
                index = index < encoded.length() ? encoded.offsetByCodePoints(index, 1) : index;
            }
        }
        TextSpan[] spans = new TextSpan[keptTokens];
        for (int t = 0; t < keptTokens; t++) {
            // The last kept token is the closing special token when the text was truncated.
            CharSpan span = t == keptTokens - 1 ? charSpans[charSpans.length - 1] : charSpans[t];
            if (span == null || span.getEnd() <= span.getStart()) {
                continue;
            }
            int start = (charIndex == null ? span.getStart() : charIndex[span.getStart()]) - prefixLength;
            int end = (charIndex == null ? span.getEnd() : charIndex[span.getEnd()]) - prefixLength;
            if (end > 0) {
                spans[t] = new TextSpan(Math.max(start, 0), end);
            }
        }
        return spans;
    }

    /** What one text of a batch becomes, from its row of the hidden states. */
    @FunctionalInterface
    private interface Pooling<T> {
        /**
         * @param text index of the text in the list given to {@link #embedAll}
         * @param encoding the text's untruncated encoding
         */
        T pool(HiddenStates states, int row, int text, Encoding encoding);
    }

    @PreDestroy
    public void close() {
        helpers.shutdownNow();
        model.close();
    }
}
