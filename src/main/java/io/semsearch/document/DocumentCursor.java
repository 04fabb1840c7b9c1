package io.semsearch.document;

import io.semsearch.common.ApiException;
import io.semsearch.common.Problem;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a page of the document list ends, as an opaque {@code after} token: the last document's creation time and
 * id, the list's order. The next page starts after it whatever was added or deleted meanwhile, and costs the same
 * however deep it is (no OFFSET).
 */
public record DocumentCursor(OffsetDateTime createdAt, UUID id) {

    private static final String VERSION = "1|";

    public String token() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a token, or a 400 naming {@code after}. */
    public static DocumentCursor of(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            if (!text.startsWith(VERSION)) {
                throw new IllegalArgumentException("unknown version");
            }
            String[] parts = text.substring(VERSION.length()).split("\\|", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not two parts");
            }
            return new DocumentCursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidCursorException();
        }
    }

    /** An {@code after} that is not a token this service gave. */
    public static final class InvalidCursorException extends ApiException {

        InvalidCursorException() {
            super(400, "Invalid request", "after: not a cursor of this list; take it from the next link of a page");
        }

        @Override
        public List<Problem.FieldError> errors() {
            return List.of(new Problem.FieldError("after", "not a cursor of this list; take it from the next link"
                    + " of a page"));
        }
    }
}
