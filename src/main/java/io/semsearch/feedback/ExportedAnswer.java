package io.semsearch.feedback;

import java.time.OffsetDateTime;

/** A kept answer with its feedback; rating, comment and ratedAt are null when it has none. */
public record ExportedAnswer(RecordedAnswer answer, Rating rating, String comment, OffsetDateTime ratedAt) {
}
