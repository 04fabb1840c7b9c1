package io.semsearch.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metadata filters parsed, matched in memory and rendered as SQL, without a database. */
class MetadataFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void valuesMatchWithTheirJsonTypeAndNumbersByValue() {
        assertTrue(matches(Map.of("year", 2024), Map.of("year", 2024)));
        assertTrue(matches(Map.of("year", 2024), Map.of("year", 2024.0)), "jsonb: 2024 = 2024.0");
        assertTrue(matches(Map.of("year", 2024.0), Map.of("year", 2024L)));
        assertTrue(matches(Map.of("year", new BigDecimal("1E+3")), Map.of("year", 1000)));
        assertFalse(matches(Map.of("year", 2024), Map.of("year", "2024")));
        assertFalse(matches(Map.of("year", "2024"), Map.of("year", 2024)));
        assertTrue(matches(Map.of("year", "2024"), Map.of("year", "2024")));
        assertTrue(matches(Map.of("draft", true), Map.of("draft", true)));
        assertFalse(matches(Map.of("draft", true), Map.of("draft", "true")));
        assertFalse(matches(Map.of("tag", "a"), Map.of("tag", List.of("a", "b"))), "as jsonb @>: not in an array");
        assertFalse(matches(Map.of("year", 2024), Map.of()));
        assertTrue(matches(Map.of("corpus", "sample", "year", 2024), Map.of("corpus", "sample", "year", 2024)));
        assertFalse(matches(Map.of("corpus", "sample", "year", 2024), Map.of("corpus", "sample", "year", 2023)));
    }

    @Test
    void rangesCompareNumbersWithNumbersAndDatesWithDates() {
        Map<String, Object> years = Map.of("year", Map.of("gte", 2020, "lt", 2025));
        assertTrue(matches(years, Map.of("year", 2020)));
        assertTrue(matches(years, Map.of("year", 2024.5)));
        assertFalse(matches(years, Map.of("year", 2025)));
        assertFalse(matches(years, Map.of("year", 2019)));
        assertFalse(matches(years, Map.of("year", "2022")), "a string is not a number");
        assertTrue(matches(Map.of("year", Map.of("gt", 2020, "lte", 2021)), Map.of("year", 2021)));
        assertFalse(matches(Map.of("year", Map.of("gt", 2020)), Map.of("year", 2020)));

        Map<String, Object> published = Map.of("published", Map.of("gte", "2024-01-01", "lt", "2024-10-18T09:00Z"));
        assertTrue(matches(published, Map.of("published", "2024-10-18T09:30:00+02:00")), "07:30 UTC");
        assertFalse(matches(published, Map.of("published", "2024-10-18T09:30:00+00:00")));
        assertTrue(matches(published, Map.of("published", "2024-01-01")));
        assertFalse(matches(published, Map.of("published", "2023-12-31T23:59:59")), "no offset: UTC");
        assertFalse(matches(published, Map.of("published", "hier")));
        assertFalse(matches(published, Map.of("published", "2024-02-30")));
        assertFalse(matches(published, Map.of("published", 2024)));
    }

    @Test
    void isoDatesAreReadLikeTheSqlFunction() {
        assertEquals(Instant.parse("2024-10-18T00:00:00Z"), MetadataFilter.instant("2024-10-18"));
        assertEquals(Instant.parse("2024-10-18T07:30:00.500Z"), MetadataFilter.instant("2024-10-18T09:30:00.5+02:00"));
        assertEquals(Instant.parse("2024-10-18T09:30:00Z"), MetadataFilter.instant("2024-10-18 09:30"));
        assertEquals(Instant.parse("2023-12-31T18:01:00Z"), MetadataFilter.instant("2024-01-01T10:00+15:59"));
        for (String notADate : List.of("2024-02-30", "0000-01-01", "2024-01-01T10:00+16:00", "2024-01-01T24:00",
                "2024-01-01T10:00+02:75", "2024-1-1", "now", "2024-01-01Z", "2024-01-01T10:00:60")) {
            assertNull(MetadataFilter.instant(notADate), notADate);
        }
    }

    @Test
    void badShapesAreNamedByField() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("nothing", null);
        metadata.put("list", List.of(1, 2));
        metadata.put("empty", Map.of());
        metadata.put("year", Map.of("gte", "soon", "from", 2020));
        metadata.put("mixed", Map.of("gte", 2020, "lt", "2025-01-01"));
        assertEquals(List.of(
                new MetadataFilter.Error("empty", "a range needs at least one of gt, gte, lt, lte"),
                new MetadataFilter.Error("list", "must be a string, a number, a boolean or a range (gt, gte, lt, lte)"),
                new MetadataFilter.Error("mixed", "a range compares numbers or dates, not both"),
                new MetadataFilter.Error("nothing",
                        "must be a string, a number, a boolean or a range (gt, gte, lt, lte)"),
                new MetadataFilter.Error("year.from", "unknown range operator; use gt, gte, lt or lte"),
                new MetadataFilter.Error("year.gte", "must be a number or an ISO date")),
                MetadataFilter.errors(metadata));
        assertEquals(List.of(), MetadataFilter.errors(Map.of("year", Map.of("gte", 2020), "site", "intranet")));
    }

    @Test
    void theSqlBindsKeysAndValuesAndNeverHoldsThem() {
        String key = "year'); drop table document; --";
        PassageFilter filter = new PassageFilter(null, null, Map.of("corpus", "sample", key,
                Map.of("gte", 2020, "lt", 2025), "published", Map.of("lte", "2024-10-18")));
        PassageFilter.SqlCondition sql = filter.toSql(JSON);
        assertEquals("c.document_id in (select d.id from document d where "
                + "metadata_instant(d.metadata -> ?) <= ? and "
                + "metadata_number(d.metadata -> ?) >= ? and metadata_number(d.metadata -> ?) < ? and "
                + "d.metadata @> cast(? as jsonb))", sql.sql());
        assertEquals(Arrays.asList("published", OffsetDateTime.of(2024, 10, 18, 0, 0, 0, 0, ZoneOffset.UTC),
                key, BigDecimal.valueOf(2020), key, BigDecimal.valueOf(2025), "{\"corpus\":\"sample\"}"),
                sql.parameters());
        assertEquals(sql.parameters().size(), sql.sql().chars().filter(c -> c == '?').count());
        assertFalse(sql.sql().contains("drop"));
    }

    private static boolean matches(Map<String, Object> filter, Map<String, Object> documentMetadata) {
        return new PassageFilter(null, null, filter).matches(UUID.randomUUID(), "a.txt", documentMetadata);
    }
}
