package io.semsearch.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.document.Chunk;
import io.semsearch.document.ChunkRepository;
import io.semsearch.document.Document;
import io.semsearch.document.DocumentRepository;
import io.semsearch.document.SentenceVectors;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What the store needs besides indexing: re-embedding, the vector column (folders: FolderSyncTest). */
@QuarkusTest
class StoreMaintenanceTest {

    @Inject
    IngestService ingest;

    @Inject
    ModelChangeReembedding reembedding;

    @Inject
    DocumentRepository documents;

    @Inject
    ChunkRepository chunks;

    @Inject
    EmbeddingService embedding;

    @Inject
    TestData testData;

    @AfterEach
    void restore() {
        testData.restore();
    }

    @Test
    void theVectorColumnHasTheActiveModelsDimension() {
        assertEquals(embedding.activeModel().dimension(),
                QuarkusTransaction.requiringNew().call(chunks::vectorColumnDimension));
    }

    @Test
    void documentsOfAnotherModelOrWithoutSentenceVectorsAreEmbeddedAgain() {
        IndexResult first = ingest.index(new IndexRequest("test/reembed-a.txt", null,
                "Microsoft a investi 13 milliards de dollars dans OpenAI. Les deux entreprises renégocient.", null));
        IndexResult second = ingest.index(new IndexRequest("test/reembed-b.txt", null,
                "Google saisit la FTC. Elle demande de démanteler l’accord d’exclusivité.", null));
        List<Chunk> fresh = chunksOf(first.source(), second.source());
        float[] flat = new float[embedding.activeModel().dimension()];
        Arrays.fill(flat, (float) (1 / Math.sqrt(flat.length)));
        QuarkusTransaction.requiringNew().run(() -> {
            documents.update("embeddingModel = 'an-older-model' where source = ?1", first.source());
            chunks.update("embedding = ?1 where document.id = ?2", flat, first.id());
            chunks.update("sentenceSpans = null, sentenceEmbeddings = null where document.id = ?1", second.id());
        });

        assertEquals(2, reembedding.run());

        List<Chunk> again = chunksOf(first.source(), second.source());
        assertEquals(fresh.size(), again.size());
        for (int i = 0; i < fresh.size(); i++) {
            assertArrayEquals(fresh.get(i).embedding, again.get(i).embedding, 1e-5f, "vector of chunk " + i);
            SentenceVectors sentences = SentenceVectors.decode(again.get(i).sentenceSpans,
                    again.get(i).sentenceEmbeddings);
            assertEquals(SentenceVectors.decode(fresh.get(i).sentenceSpans, fresh.get(i).sentenceEmbeddings).spans(),
                    sentences.spans());
            assertFalse(sentences.spans().isEmpty());
        }
        Document document = QuarkusTransaction.requiringNew().call(() -> documents.findById(first.id()));
        assertEquals(embedding.activeModel().name(), document.embeddingModel);
        assertEquals(0, reembedding.run(), "nothing left to re-embed");
    }

    private List<Chunk> chunksOf(String... sources) {
        return QuarkusTransaction.requiringNew().call(() -> chunks.find(
                "from Chunk c join fetch c.document d where d.source in ?1 order by d.source, c.ordinal",
                List.of(sources)).list());
    }
}
