package io.semsearch.document;

import io.semsearch.common.TextSpan;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.embedding.PassageEmbedding;
import io.semsearch.embedding.PassageText;
import io.semsearch.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PassageFilter's SQL in PostgreSQL and its in-memory {@code matches} select the same documents, over values of every
 * JSON type and filters of every kind: the in-memory store used by unit tests cannot drift from the real one.
 */
@QuarkusTest
class MetadataFilterStoreTest {

    private static final String TEXT = "Le zeppelin survole lentement la baie de Somme.";
    private static final List<Object> VALUES = List.of(2024, 2024.0, new BigDecimal("2024.50"), "2024", 2023, -1,
            true, false, "true", "2024-10-18T09:30:00+02:00", "2024-10-18T07:30:00Z", "2024-10-18", "2024-02-30",
            "2024-10-18T09:30", "hier", List.of(2024), Map.of("gte", 2020));

    @Inject
    PassageStore store;
    @Inject
    EmbeddingService embedding;
    @Inject
    TestData data;

    @AfterEach
    void restore() {
        data.restore();
    }

    @Test
    void sqlAndMatchesAgreeOnEveryKindOfValueAndFilter() {
        float[] vector = embedding.embedPassages(List.of(PassageText.of(TEXT, List.of(new TextSpan(0,
                TEXT.length()))))).get(0).vector();
        Map<UUID, Map<String, Object>> documents = new LinkedHashMap<>();
        for (int i = 0; i < VALUES.size(); i++) {
            Map<String, Object> metadata = Map.of("agreement", "yes", "v", VALUES.get(i));
            UUID id = store.inTransaction(() -> store.write(text("agreement/" + documents.size() + ".txt", metadata,
                    vector)));
            documents.put(id, metadata);
        }
        documents.put(store.inTransaction(() -> store.write(text("agreement/none.txt", Map.of("agreement", "yes"),
                vector))), Map.of("agreement", "yes"));

        List<Object> filters = List.of(2024, 2024.0, 2024.5, "2024", true, "true", false, "hier",
                Map.of("gte", 2024), Map.of("gt", 2023, "lt", 2024.5), Map.of("lte", 2024.5), Map.of("lt", 0),
                Map.of("gte", "2024-10-18T07:30:00Z"), Map.of("gt", "2024-10-18T07:30:00Z"),
                Map.of("lte", "2024-10-18"), Map.of("gte", "2024-10-18", "lt", "2024-10-19"),
                Map.of("lt", "2024-10-18T09:30:00.000001Z"));
        Map<Object, Integer> counts = new HashMap<>();
        for (Object filter : filters) {
            PassageFilter passages = new PassageFilter(null, null, Map.of("agreement", "yes", "v", filter));
            Set<UUID> inPostgres = new TreeSet<>();
            store.dense(vector, 100, passages, 200).forEach(p -> inPostgres.add(p.documentId()));
            Set<UUID> inMemory = new TreeSet<>();
            documents.forEach((id, metadata) -> {
                if (passages.matches(id, "", metadata)) {
                    inMemory.add(id);
                }
            });
            assertEquals(inMemory, inPostgres, "v: " + filter + " matched " + values(inPostgres, documents));
            counts.put(filter, inPostgres.size());
        }
        // not vacuous: 2024 and 2024.0; "2024" alone; the three instants from 07:30 UTC on
        assertEquals(2, counts.get(2024));
        assertEquals(1, counts.get("2024"));
        assertEquals(3, counts.get(Map.of("gte", "2024-10-18T07:30:00Z")));
    }

    private static List<Object> values(Set<UUID> ids, Map<UUID, Map<String, Object>> documents) {
        List<Object> values = new ArrayList<>();
        ids.forEach(id -> values.add(new HashMap<>(documents.get(id)).get("v")));
        return values;
    }

    private TextToWrite text(String source, Map<String, Object> metadata, float[] vector) {
        PassageEmbedding passage = embedding.embedPassages(List.of(PassageText.of(TEXT,
                List.of(new TextSpan(0, TEXT.length()))))).get(0);
        return new TextToWrite(null, source, "Filter test", TEXT, "sha-" + source, "fr", metadata,
                embedding.modelName(), List.of(new TextToWrite.PassageToWrite(0, 0, TEXT.length(), TEXT, 9, vector,
                        new SentenceVectors(List.of(new TextSpan(0, TEXT.length())), passage.sentenceVectors()))));
    }
}
