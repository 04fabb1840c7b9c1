package io.semsearch.extraction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates found in documents, normalised to ISO 8601 ({@code 2024-10-18} or {@code 2024-10-18T09:30:00Z}). */
final class Dates {

    private static final Pattern DATE_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    private Dates() {
    }

    /** The ISO 8601 form of a date or date-time, or {@code null} when it is not one. */
    static String iso(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        try {
            OffsetDateTime dateTime = OffsetDateTime.parse(value);
            return dateTime.getOffset().equals(ZoneOffset.UTC)
                    ? DateTimeFormatter.ISO_INSTANT.format(dateTime.toInstant())
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return DateTimeFormatter.ISO_INSTANT.format(Instant.parse(value));
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.parse(value,
                    DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.parse(value));
        } catch (DateTimeParseException e) {
            // next form
        }
        Matcher date = DATE_PREFIX.matcher(value);
        if (date.find()) {
            try {
                return LocalDate.parse(date.group(1)).toString();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
