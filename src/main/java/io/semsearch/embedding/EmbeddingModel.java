package io.semsearch.embedding;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;

import java.io.IOException;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The active model loaded: its Hugging Face tokenizer, its ONNX graph in ONNX Runtime through DJL, and a fixed pool
 * of predictors, each running one forward pass at a time. {@link EmbeddingService} turns texts into vectors with it.
 */
final class EmbeddingModel implements AutoCloseable {

    static {
        // DJL must never reach for a model hub; it reads this property when its classes load.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private static final String OUTPUT_NAME = "last_hidden_state";

    private final ActiveModel active;
    private final ModelTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    private final List<String> inputNames;
    private final BlockingQueue<Predictor<NDList, NDList>> predictors;
    private final int predictorCount;
    private final Duration acquireTimeout;

    private EmbeddingModel(ActiveModel active, ModelTokenizer tokenizer, ZooModel<NDList, NDList> model,
            int predictorCount, Duration acquireTimeout) {
        this.active = active;
        this.tokenizer = tokenizer;
        this.model = model;
        this.inputNames = model.getBlock().describeInput().keys();
        ModelDescriptor descriptor = active.descriptor();
        if (!inputNames.contains("input_ids") || !inputNames.contains("attention_mask")) {
            throw new EmbeddingException("Model '" + descriptor.name() + "' takes " + inputNames
                    + ", expected input_ids and attention_mask");
        }
        this.predictorCount = predictorCount;
        this.predictors = new ArrayBlockingQueue<>(predictorCount);
        for (int i = 0; i < predictorCount; i++) {
            predictors.add(model.newPredictor());
        }
        this.acquireTimeout = acquireTimeout;
    }

    /** The model {@link ActiveModel#select} chooses, loaded with {@code predictors} predictors (0: one per core). */
    static EmbeddingModel load(EmbeddingConfig config) {
        ActiveModel active = ActiveModel.select(config);
        ModelDescriptor descriptor = active.descriptor();
        NativeLibraries.useFolder(config);
        try {
            ModelTokenizer tokenizer = ModelTokenizer.load(descriptor);
            Criteria.Builder<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optEngine("OnnxRuntime")
                    .optModelPath(descriptor.onnxPath())
                    .optTranslator(new NoopTranslator());
            if (config.intraOpThreads() > 0) {
                criteria.optOption("intraOpNumThreads", Integer.toString(config.intraOpThreads()))
                        .optOption("interOpNumThreads", "1");
            }
            int predictors = config.predictors() > 0 ? config.predictors()
                    : Runtime.getRuntime().availableProcessors();
            return new EmbeddingModel(active, tokenizer, criteria.build().loadModel(), predictors,
                    config.acquireTimeout());
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new EmbeddingException("Cannot load model '" + descriptor.name() + "' from "
                    + descriptor.directory().toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    ActiveModel active() {
        return active;
    }

    List<String> inputNames() {
        return inputNames;
    }

    int predictorCount() {
        return predictorCount;
    }

    ModelTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * One forward pass over a padded batch, on a predictor borrowed from the pool.
     *
     * @param inputIds row-major {@code [batch][length]}, padded with the model's pad token
     * @param attentionMask 1 for a token, 0 for padding
     */
    HiddenStates forward(long[] inputIds, long[] attentionMask, int batch, int length) {
        Predictor<NDList, NDList> predictor = borrowPredictor();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            Shape shape = new Shape(batch, length);
            NDList inputs = new NDList();
            inputs.add(named(manager.create(LongBuffer.wrap(inputIds), shape, DataType.INT64), "input_ids"));
            inputs.add(named(manager.create(LongBuffer.wrap(attentionMask), shape, DataType.INT64), "attention_mask"));
            if (inputNames.contains("token_type_ids")) {
                inputs.add(named(manager.create(LongBuffer.wrap(new long[batch * length]), shape, DataType.INT64),
                        "token_type_ids"));
            }
            NDList outputs = predictor.predict(inputs);
            NDArray hidden = outputs.contains(OUTPUT_NAME) ? outputs.get(OUTPUT_NAME) : outputs.head();
            long[] dims = hidden.getShape().getShape();
            if (dims.length != 3 || dims[0] != batch || dims[1] != length) {
                throw new EmbeddingException("Unexpected model output shape " + hidden.getShape());
            }
            return new HiddenStates(hidden.toFloatArray(), attentionMask, batch, length, (int) dims[2]);
        } catch (EmbeddingException e) {
            throw e;
        } catch (Exception e) {
            throw new EmbeddingException("Embedding of " + batch + " text(s) failed; the error is logged", e);
        } finally {
            predictors.add(predictor);
        }
    }

    private Predictor<NDList, NDList> borrowPredictor() {
        try {
            Predictor<NDList, NDList> predictor = predictors.poll(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (predictor == null) {
                throw new EmbeddingException("No embedding predictor free within " + acquireTimeout);
            }
            return predictor;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("Interrupted while waiting for an embedding predictor", e);
        }
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }
}
