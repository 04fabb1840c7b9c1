package io.semsearch.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.document.Chunk;
import io.semsearch.document.ChunkRepository;
import io.semsearch.document.SentenceVectors;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.embedding.PassageEmbedding;
import io.semsearch.embedding.PassageText;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sentence vectors stored with the chunks of the sample articles, pooled from each chunk's forward pass. */
@QuarkusTest
class LateChunkingTest {

    @Inject
    ChunkRepository chunks;

    @Inject
    EmbeddingService embedding;

    @Inject
    SentenceChunker chunker;

    @Inject
    TextCleaner cleaner;

    /**
     * Chunks are embedded from the tokens the chunker kept; they must get the vectors (passage and sentences) that
     * tokenising their text again would give. Same batches both ways, so equal to the last bit.
     */
    @Test
    void chunksEmbeddedFromTheirKeptTokensGetTheVectorsOfTheirText() {
        assertTrue(embedding.reusesPassageTokens(), "the model's tokenizer cuts prefix and passage apart");
        List<TextChunk> all = new ArrayList<>();
        for (String article : SampleArticles.ALL) {
            all.addAll(chunker.chunk(cleaner.clean(SampleArticles.raw(article), null).content()));
        }
        for (TextChunk chunk : all) {
            assertEquals(embedding.tokenize(chunk.text()), chunk.tokens(), chunk.text());
        }
        List<PassageEmbedding> fromTokens = embedding.embedPassages(all.stream()
                .map(c -> new PassageText(c.text(), c.tokens(), c.sentences())).toList());
        List<PassageEmbedding> fromText = embedding.embedPassages(all.stream()
                .map(c -> PassageText.of(c.text(), c.sentences())).toList());
        for (int i = 0; i < all.size(); i++) {
            assertArrayEquals(fromText.get(i).vector(), fromTokens.get(i).vector(), 0f, "chunk " + i);
            assertEquals(all.get(i).sentences().size(), fromTokens.get(i).sentenceVectors().size());
            for (int s = 0; s < all.get(i).sentences().size(); s++) {
                assertArrayEquals(fromText.get(i).sentenceVectors().get(s), fromTokens.get(i).sentenceVectors().get(s),
                        0f, "chunk " + i + ", sentence " + s);
            }
        }
        System.out.printf(Locale.ROOT, "kept tokens: %d chunks of the sample articles embedded alike%n", all.size());
    }

    @Test
    void everySentenceOfEveryChunkHasAUnitVector() {
        List<Chunk> stored = sampleChunks();
        assertTrue(stored.size() >= SampleArticles.ALL.size());
        int sentences = 0;
        for (Chunk chunk : stored) {
            SentenceVectors vectors = SentenceVectors.decode(chunk.sentenceSpans, chunk.sentenceEmbeddings);
            assertEquals(chunker.chunk(chunk.document.content).get(chunk.ordinal).sentences(), vectors.spans(),
                    "chunk " + chunk.ordinal + " of " + chunk.document.source);
            assertFalse(vectors.spans().isEmpty());
            for (float[] vector : vectors.vectors()) {
                assertEquals(embedding.activeModel().dimension(), vector.length);
                assertEquals(1.0, Math.sqrt(dot(vector, vector)), 1e-4);
            }
            sentences += vectors.spans().size();
        }
        System.out.printf(Locale.ROOT, "late chunking: %d chunks hold %d sentence vectors%n", stored.size(), sentences);
    }

    /**
     * A stored sentence vector reads the sentence in the context of its chunk, so it is not its on-the-fly embedding;
     * it should still be closer to that embedding than to other sentences' ones.
     */
    @Test
    void sentenceVectorsAreCloseToTheEmbeddingsOfTheirOwnSentence() {
        List<float[]> stored = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<UUID> chunkOf = new ArrayList<>();
        for (Chunk chunk : sampleChunks()) {
            SentenceVectors vectors = SentenceVectors.decode(chunk.sentenceSpans, chunk.sentenceEmbeddings);
            for (int i = 0; i < vectors.spans().size(); i++) {
                stored.add(vectors.vectors().get(i));
                texts.add(vectors.spans().get(i).in(chunk.text));
                chunkOf.add(chunk.id);
            }
        }
        List<float[]> onTheFly = embedding.embedSentences(texts);
        int n = texts.size();
        int closerThanMostOthers = 0;
        int nearestOfAll = 0;
        int nearestInChunk = 0;
        int ownStoredNearestInChunk = 0;
        double ownSimilarity = 0;
        double otherSimilarity = 0;
        for (int i = 0; i < n; i++) {
            double own = dot(stored.get(i), onTheFly.get(i));
            ownSimilarity += own / n;
            int beaten = 0;
            boolean nearest = true;
            boolean nearestAmongChunk = true;
            boolean ownStoredNearest = true;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double other = dot(stored.get(i), onTheFly.get(j));
                otherSimilarity += other / n / (n - 1);
                beaten += own > other ? 1 : 0;
                nearest &= own > other;
                if (chunkOf.get(j).equals(chunkOf.get(i))) {
                    nearestAmongChunk &= own > other;
                    ownStoredNearest &= own > dot(stored.get(j), onTheFly.get(i));
                }
            }
            closerThanMostOthers += beaten > (n - 1) / 2 ? 1 : 0;
            nearestOfAll += nearest ? 1 : 0;
            nearestInChunk += nearestAmongChunk ? 1 : 0;
            ownStoredNearestInChunk += ownStoredNearest ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "late chunking: %d sentences; mean cosine to own on-the-fly embedding %.3f, to"
                + " others' %.3f; closer to own than to most others': %d; own is the nearest of all: %d, of its"
                + " chunk's: %d; of its chunk's stored vectors, its own is the nearest to its on-the-fly embedding:"
                + " %d%n", n, ownSimilarity, otherSimilarity, closerThanMostOthers, nearestOfAll, nearestInChunk,
                ownStoredNearestInChunk);
        assertTrue(closerThanMostOthers >= 0.75 * n, closerThanMostOthers + "/" + n);
        assertTrue(ownStoredNearestInChunk >= 0.75 * n, ownStoredNearestInChunk + "/" + n);
    }

    private List<Chunk> sampleChunks() {
        return QuarkusTransaction.requiringNew().call(() -> chunks.find(
                "from Chunk c join fetch c.document d where d.source in ?1 order by d.source, c.ordinal",
                SampleArticles.ALL).list());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
