package io.semsearch.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.semsearch.common.DaemonThreads;
import io.semsearch.common.TextSpan;
import io.semsearch.common.Traces;
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
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Sentence embeddings computed in-process with the {@link EmbeddingModel}: tokenisation, batches of similar length
 * spread over its predictors, mean pooling over the attention mask, L2 normalisation. Thread-safe.
 */
@Startup
@ApplicationScoped
public class EmbeddingService implements Embedder {

    private static final Logger LOG = Logger.getLogger(EmbeddingService.class);
    private static final Pooling<float[]> MEAN = (states, row, text, input) -> states.meanPool(row);

    private final EmbeddingConfig config;
    private final EmbeddingModel model;
    private final ActiveModel activeModel;
    private final PassageInputs passageInputs;
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
        this.passageInputs = new PassageInputs(model.tokenizer(), activeModel.descriptor());
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
        return ModelTokenizer.loadHuggingFace(descriptor);
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
        return Traces.span("semsearch.embed", span -> {
            span.setAttribute("model", activeModel.name());
            span.setAttribute("kind", "query");
            return queryTimer.record(() -> embedAll(List.of(text), i -> plain(text), MEAN).get(0));
        });
    }

    /**
     * Embeds passages to index and, from the same forward pass, each of their sentences ("late chunking"): a
     * sentence's vector is the mean of the hidden states of the tokens overlapping it, read in the context of the
     * whole passage. Passages get the model's passage prefix and are embedded in batches of similar length; a
     * passage's tokens from chunking are used as they are (see {@link PassageInputs}).
     */
    @Override
    public List<PassageEmbedding> embedPassages(List<PassageText> passages) {
        Pooling<PassageEmbedding> pooling = (states, row, text, input) -> {
            List<TextSpan> sentences = passages.get(text).sentences();
            List<float[]> sentenceVectors = new ArrayList<>(sentences.size());
            for (TextSpan sentence : sentences) {
                float[] vector = states.meanPool(row, input.tokenSpans(), sentence);
                if (vector == null) {
                    throw new EmbeddingException("Sentence " + sentence + " of a passage lies outside the model's "
                            + "window of " + activeModel.descriptor().maxTokens() + " tokens");
                }
                sentenceVectors.add(vector);
            }
            return new PassageEmbedding(states.meanPool(row), sentenceVectors);
        };
        List<String> texts = passages.stream().map(PassageText::text).toList();
        return Traces.span("semsearch.embed", span -> {
            span.setAttribute("model", activeModel.name());
            span.setAttribute("kind", "passage");
            span.setAttribute("texts", texts.size());
            return passageTimer.record(() -> embedAll(texts, i -> passageInputs.of(passages.get(i)), pooling));
        });
    }

    /**
     * Embeds sentences on their own, to be compared with a query. They get the passage prefix: to the model, an
     * answer sentence is a (short) passage.
     */
    public List<float[]> embedSentences(List<String> sentences) {
        String prefix = activeModel.descriptor().passagePrefix();
        List<String> texts = sentences.stream().map(s -> prefix + s).toList();
        return Traces.span("semsearch.embed", span -> {
            span.setAttribute("model", activeModel.name());
            span.setAttribute("kind", "sentence");
            span.setAttribute("texts", texts.size());
            return sentenceTimer.record(() -> embedAll(texts, i -> plain(texts.get(i)), MEAN));
        });
    }

    /** Number of tokens the model's tokenizer makes of a text, special tokens excluded. */
    public int countTokens(String text) {
        return model.tokenizer().countTokens(text);
    }

    /**
     * The tokens the model's tokenizer makes of a text, special tokens excluded: given back with the text to
     * {@link #embedPassages}, they spare a second tokenisation.
     */
    public Tokens tokenize(String text) {
        return model.tokenizer().tokenize(text);
    }

    /** Whether {@link #embedPassages} embeds passages from their tokens rather than tokenising them again. */
    public boolean reusesPassageTokens() {
        return passageInputs.reusesTokens();
    }

    /** A text as the model reads it, without token spans (queries and sentences are pooled whole). */
    private ModelInput plain(String text) {
        long[] ids = model.tokenizer().encode(text).getIds();
        return new ModelInput(ModelInput.truncate(ids, activeModel.descriptor().maxTokens()), null);
    }

    /**
     * Embeds texts in batches of similar length (sorting by length keeps padding, hence wasted compute, low), the
     * batches spread over the predictors: as many forward passes at once as there are predictors. Each text becomes
     * a model input on the thread that embeds its batch.
     */
    private <T> List<T> embedAll(List<String> texts, IntFunction<ModelInput> inputs, Pooling<T> pooling) {
        List<Integer> order = IntStream.range(0, texts.size()).boxed()
                .sorted(Comparator.comparingInt(i -> texts.get(i).length())).toList();
        List<T> results = new ArrayList<>(Collections.nCopies(texts.size(), null));
        int batchSize = Math.max(1, config.batchSize());
        List<List<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += batchSize) {
            batches.add(order.subList(from, Math.min(order.size(), from + batchSize)));
        }
        SharedBatches work = new SharedBatches(batches.size(),
                b -> embedInto(batches.get(b), inputs, pooling, results));
        for (int h = 0; h < Math.min(batches.size() - 1, model.predictorCount() - 1); h++) {
            helpers.execute(work::help);
        }
        work.runAndAwaitHelpers();
        return results;
    }

    private <T> void embedInto(List<Integer> batch, IntFunction<ModelInput> inputs, Pooling<T> pooling,
            List<T> results) {
        List<T> pooled = embedBatch(batch, inputs, pooling);
        synchronized (results) {
            for (int row = 0; row < batch.size(); row++) {
                results.set(batch.get(row), pooled.get(row));
            }
        }
    }

    /** One forward pass over the texts at the given indices, padded to the longest; one result per index. */
    private <T> List<T> embedBatch(List<Integer> batchIndices, IntFunction<ModelInput> inputs, Pooling<T> pooling) {
        if (batchIndices.isEmpty()) {
            return List.of();
        }
        int batch = batchIndices.size();
        ModelInput[] rows = new ModelInput[batch];
        int length = 0;
        for (int i = 0; i < batch; i++) {
            rows[i] = inputs.apply(batchIndices.get(i));
            length = Math.max(length, rows[i].ids().length);
        }
        long[] inputIds = new long[batch * length];
        long[] attentionMask = new long[batch * length];
        Arrays.fill(inputIds, activeModel.descriptor().padTokenId());
        for (int i = 0; i < batch; i++) {
            System.arraycopy(rows[i].ids(), 0, inputIds, i * length, rows[i].ids().length);
            Arrays.fill(attentionMask, i * length, i * length + rows[i].ids().length, 1L);
        }
        HiddenStates states = model.forward(inputIds, attentionMask, batch, length);
        List<T> pooled = new ArrayList<>(batch);
        for (int row = 0; row < batch; row++) {
            pooled.add(pooling.pool(states, row, batchIndices.get(row), rows[row]));
        }
        return pooled;
    }

    /** What one text of a batch becomes, from its row of the hidden states. */
    @FunctionalInterface
    private interface Pooling<T> {
        /**
         * @param text index of the text in the list given to {@link #embedAll}
         * @param input the text as the model read it
         */
        T pool(HiddenStates states, int row, int text, ModelInput input);
    }

    @PreDestroy
    public void close() {
        helpers.shutdownNow();
        model.close();
    }
}
