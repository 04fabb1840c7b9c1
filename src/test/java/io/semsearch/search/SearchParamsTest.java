package io.semsearch.search;

import io.semsearch.common.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** GET /api/search's filter parameters read as the JSON filters of ask, without a server. */
class SearchParamsTest {

    @Test
    void metadataValuesAreJsonLiteralsElseStrings() {
        assertEquals(2024, SearchParams.literal("2024"));
        assertEquals(-0.5, SearchParams.literal(" -0.5 "));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                SearchParams.literal("123456789012345678901234567890"));
        assertEquals(true, SearchParams.literal("true"));
        assertEquals(false, SearchParams.literal("false"));
        assertEquals("2024", SearchParams.literal("\"2024\""));
        assertEquals("a \"quoted\" word", SearchParams.literal("\"a \\\"quoted\\\" word\""));
        assertEquals("007", SearchParams.literal("007"), "not a JSON number");
        assertEquals("null", SearchParams.literal("null"));
        assertEquals("True", SearchParams.literal("True"));
        assertEquals("2024-01-01", SearchParams.literal("2024-01-01"));
        assertEquals("intranet", SearchParams.literal("intranet"));
    }

    @Test
    void theNewNamesAndTheOldOnesMakeTheFiltersOfAsk() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        SearchParams params = params(List.of(a.toString()), List.of("a.txt"), List.of(" " + b + " "),
                List.of("b.txt"), List.of("corpus:sample", "year:2024"));
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("q", List.of("x"));
        query.put("metadata.site", List.of("intranet"));
        query.put("metadata.draft", List.of("false"));
        query.put("metadata.rank", List.of("gte:2", "lt:\"5\""));
        query.put("metadata.published", List.of("gte:2024-01-01"));
        query.put("metadata.label", List.of("\"gte:2\""));
        SearchFilters filters = params.filters(query);
        assertEquals(List.of(a, b), filters.documentIds());
        assertEquals(List.of("a.txt", "b.txt"), filters.sources());
        assertEquals(Map.of("corpus", "sample", "year", "2024", "site", "intranet", "draft", false,
                "rank", Map.of("gte", 2, "lt", "5"), "published", Map.of("gte", "2024-01-01"), "label", "gte:2"),
                filters.metadata(), "the deprecated metadata=key:value stays a string");
    }

    @Test
    void aKeyGivenTwiceIsAProblemNamingIt() {
        InvalidFiltersException e = assertThrows(InvalidFiltersException.class, () -> params(null, null, null, null,
                List.of("year:2023")).filters(Map.of("metadata.year", List.of("2024"),
                "metadata.rank", List.of("gte:1", "gte:2"), "metadata.size", List.of("3", "lt:4"),
                "metadata.", List.of("1"))));
        assertEquals(List.of("metadata.", "metadata.rank.gte", "metadata.size", "metadata.year"),
                e.errors().stream().map(Problem.FieldError::field).toList());
        assertEquals("needs a key: metadata.KEY=VALUE", e.errors().get(0).message());
    }

    private static SearchParams params(List<String> documentIds, List<String> sources, List<String> documentId,
            List<String> source, List<String> metadata) {
        return new SearchParams("x", null, null, documentIds, sources, documentId, source, metadata);
    }
}
