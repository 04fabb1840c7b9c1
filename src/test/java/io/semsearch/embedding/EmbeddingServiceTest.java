package io.semsearch.embedding;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real model, loaded by the service: dimension, norm, meaning, batching and concurrency. */
@QuarkusTest
class EmbeddingServiceTest {

    @Inject
    EmbeddingService embedding;

    @Test
    void vectorsHaveTheModelDimensionAndUnitNorm() {
        float[] vector = embedding.embedQuery("Combien Microsoft a-t-il investi dans OpenAI ?");
        assertEquals(embedding.activeModel().dimension(), vector.length);
        assertEquals(1.0, norm(vector), 1e-4);
    }

    @Test
    void relatedPassageScoresHigherThanUnrelatedOne() {
        float[] question = embedding.embedQuery("How much did Microsoft invest in OpenAI?");
        List<float[]> passages = passages(List.of(
                "Microsoft invested 13 billion dollars in OpenAI, the company behind ChatGPT.",
                "Preheat the oven, then bake the apple pie for forty minutes."));
        assertTrue(dot(question, passages.get(0)) > dot(question, passages.get(1)) + 0.05,
                "investment passage should be closer to the question than the recipe");
    }

    @Test
    void batchingAndPaddingDoNotChangeVectors() {
        String shortText = "OpenAI";
        String longText = "Microsoft a investi plus de 13 milliards de dollars dans OpenAI depuis 2019, "
                + "et fournit au créateur de ChatGPT sa puissance de calcul sur Azure.";
        List<float[]> batched = passages(List.of(longText, shortText));
        float[] alone = passages(List.of(shortText)).get(0);
        // Not 1e-6: the int8 model quantises activations with scales computed over the whole (padded) batch.
        assertEquals(1.0, dot(batched.get(1), alone), 1e-2, "padding must be masked out of the mean");
    }

    @Test
    void textsLongerThanTheWindowAreTruncatedNotRejected() {
        String longText = "Microsoft et OpenAI. ".repeat(400);
        assertTrue(embedding.countTokens(longText) > 512);
        assertEquals(1.0, norm(passages(List.of(longText)).get(0)), 1e-4);
    }

    @Test
    void concurrentRequestsGetTheSameVectorsAsSequentialOnes() throws Exception {
        List<String> questions = List.of("Qui dirige OpenAI ?", "Quel montant Microsoft a-t-il investi ?",
                "Que demande Google à la FTC ?", "Qui est Mustafa Suleyman ?");
        List<float[]> sequential = questions.stream().map(embedding::embedQuery).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (String q : questions) {
                    futures.add(pool.submit(() -> embedding.embedQuery(q)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertArrayEquals(sequential.get(i % questions.size()), futures.get(i).get(), 1e-5f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sentencesOnTheirOwnAreEmbeddedAsPassages() {
        String sentence = "Microsoft a investi 13 milliards de dollars dans OpenAI.";
        assertArrayEquals(passages(List.of(sentence)).get(0), embedding.embedSentences(List.of(sentence)).get(0),
                1e-5f);
    }

    /** Passages' own vectors, without sentences. */
    private List<float[]> passages(List<String> texts) {
        return embedding.embedPassages(texts.stream().map(text -> PassageText.of(text, List.of())).toList()).stream()
                .map(PassageEmbedding::vector).toList();
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }
}
