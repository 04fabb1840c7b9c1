package io.semsearch.embedding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic embedder for the unit tests of search and indexing: a text's vector counts its lower-cased,
 * unaccented words, each hashed into one of {@link #DIMENSION} dimensions, L2-normalised. Texts that share words are
 * near; a sentence's vector is its own text's, as if embedded alone.
 */
public class WordHashEmbedder implements Embedder {

    public static final int DIMENSION = 64;

    private final AtomicInteger passagesEmbedded = new AtomicInteger();
    private final AtomicInteger queriesEmbedded = new AtomicInteger();

    @Override
    public String modelName() {
        return "word-hash-64";
    }

    @Override
    public float[] embedQuery(String question) {
        queriesEmbedded.incrementAndGet();
        return vector(question);
    }

    @Override
    public List<PassageEmbedding> embedPassages(List<PassageText> passages) {
        List<PassageEmbedding> embedded = new ArrayList<>();
        for (PassageText passage : passages) {
            embedded.add(new PassageEmbedding(vector(passage.text()),
                    passage.sentences().stream().map(s -> vector(s.in(passage.text()))).toList()));
        }
        passagesEmbedded.addAndGet(passages.size());
        return embedded;
    }

    public int passagesEmbedded() {
        return passagesEmbedded.get();
    }

    public int queriesEmbedded() {
        return queriesEmbedded.get();
    }

    public static float[] vector(String text) {
        float[] vector = new float[DIMENSION];
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
            }
        }
        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
