package io.semsearch.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metadata part of a filter, a JSON object whose every key must hold for a document: a string, number or boolean
 * value is matched with its JSON type ({@code 2024} matches {@code 2024} and {@code 2024.0}, never {@code "2024"}), as
 * PostgreSQL's {@code jsonb @>} does; an object is a range of numbers or of ISO-8601 dates with {@code gt}, {@code
 * gte}, {@code lt}, {@code lte} ({@code {"gte": 2020, "lt": 2025}}, {@code {"gte": "2024-01-01"}}), matching only
 * values of that type. A date without an offset is UTC, a date alone midnight UTC; SQL function
 * {@code metadata_instant} (migration V7) reads stored values by the same rules as {@link #instant}.
 */
public final class MetadataFilter {

    /** The range operators, in the order conditions are rendered. */
    public static final List<String> OPERATORS = List.of("gt", "gte", "lt", "lte");

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]([01]\\d|2[0-3]):"
            + "([0-5]\\d)(?::([0-5]\\d)(?:\\.(\\d{1,6}))?)?(Z|[+-]\\d{2}:\\d{2})?)?");
    /** PostgreSQL refuses larger UTC offsets. */
    private static final int MAX_OFFSET_SECONDS = 15 * 3600 + 59 * 60;

    private MetadataFilter() {
    }

    /** A part of the filter that is not valid: its field below {@code metadata} (e.g. {@code year.gte}), and why. */
    public record Error(String field, String message) {
    }

    /** One key's condition. */
    sealed interface Condition permits Equals, Range {
        String key();

        boolean matches(Object documentValue);
    }

    /** The key holds this string, boolean or number ({@link BigDecimal}). */
    record Equals(String key, Object value) implements Condition {
        @Override
        public boolean matches(Object documentValue) {
            if (value instanceof BigDecimal number) {
                BigDecimal stored = decimal(documentValue);
                return stored != null && stored.compareTo(number) == 0;
            }
            return value.equals(documentValue);
        }
    }

    /** The key holds a number ({@link BigDecimal} bounds) or an ISO date ({@link Instant} bounds) within bounds. */
    record Range(String key, boolean dates, Map<String, Comparable<?>> bounds) implements Condition {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public boolean matches(Object documentValue) {
            Comparable stored = dates ? (documentValue instanceof String text ? instant(text) : null)
                    : decimal(documentValue);
            if (stored == null) {
                return false;
            }
            for (Map.Entry<String, Comparable<?>> bound : bounds.entrySet()) {
                int order = stored.compareTo(bound.getValue());
                boolean holds = switch (bound.getKey()) {
                    case "gt" -> order > 0;
                    case "gte" -> order >= 0;
                    case "lt" -> order < 0;
                    default -> order <= 0;
                };
                if (!holds) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What is wrong with this metadata filter; empty when it is valid. */
    public static List<Error> errors(Map<String, ?> metadata) {
        List<Error> errors = new ArrayList<>();
        parse(metadata, errors);
        return errors;
    }

    /** The filter's conditions, by key; it must be valid ({@link #errors}). */
    static List<Condition> conditions(Map<String, ?> metadata) {
        List<Error> errors = new ArrayList<>();
        List<Condition> conditions = parse(metadata, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid metadata filter: " + errors);
        }
        return conditions;
    }

    private static List<Condition> parse(Map<String, ?> metadata, List<Error> errors) {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, ?> entry : new TreeMap<>(metadata).entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (value instanceof String || value instanceof Boolean) {
                conditions.add(new Equals(key, value));
            } else if (value instanceof Number number && decimal(number) != null) {
                conditions.add(new Equals(key, decimal(number)));
            } else if (value instanceof Map<?, ?> range) {
                Range parsed = range(key, range, errors);
                if (parsed != null) {
                    conditions.add(parsed);
                }
            } else {
                errors.add(new Error(key, "must be a string, a number, a boolean or a range (gt, gte, lt, lte)"));
            }
        }
        return conditions;
    }

    private static Range range(String key, Map<?, ?> range, List<Error> errors) {
        if (range.isEmpty()) {
            errors.add(new Error(key, "a range needs at least one of gt, gte, lt, lte"));
            return null;
        }
        Map<String, Comparable<?>> bounds = new LinkedHashMap<>();
        int numbers = 0;
        int dates = 0;
        int errorsBefore = errors.size();
        for (Map.Entry<?, ?> entry : new TreeMap<>(range).entrySet()) {
            String operator = String.valueOf(entry.getKey());
            Object bound = entry.getValue();
            if (!OPERATORS.contains(operator)) {
                errors.add(new Error(key + "." + operator, "unknown range operator; use gt, gte, lt or lte"));
            } else if (bound instanceof Number number && decimal(number) != null) {
                bounds.put(operator, decimal(number));
                numbers++;
            } else if (bound instanceof String text && instant(text) != null) {
                bounds.put(operator, instant(text));
                dates++;
            } else {
                errors.add(new Error(key + "." + operator, "must be a number or an ISO date"));
            }
        }
        if (numbers > 0 && dates > 0) {
            errors.add(new Error(key, "a range compares numbers or dates, not both"));
        }
        return errors.size() > errorsBefore ? null : new Range(key, dates > 0, bounds);
    }

    /** A JSON number as a decimal, so that 2024 and 2024.0 are equal as in jsonb; null for anything else. */
    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        } else if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? new BigDecimal(value.toString()) : null;
        }
        return null;
    }

    /**
     * An ISO-8601 date ({@code 2024-10-18}) or date and time ({@code 2024-10-18T09:30}, {@code
     * 2024-10-18T09:30:00.5+02:00}, {@code ...Z}) as an instant, UTC when no offset is given; null for anything else,
     * an impossible date (February 30) included.
     */
    public static Instant instant(String text) {
        Matcher m = ISO_DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (year == 0) {
                return null; // no year 0 in PostgreSQL
            }
            LocalDate date = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000").substring(0, 6)) * 1000;
                time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            }
            ZoneOffset offset = m.group(8) == null || m.group(8).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
            if (Math.abs(offset.getTotalSeconds()) > MAX_OFFSET_SECONDS) {
                return null;
            }
            return OffsetDateTime.of(date, time, offset).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
