package io.semsearch.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents as the API shows them, read from the read datasource (a streaming replica when one is configured): a
 * document written a moment ago may not be there yet. Writes and the decisions they take read the primary, through
 * {@link DocumentRepository}.
 */
@ApplicationScoped
public class DocumentReadRepository {

    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
    };

    private final AgroalDataSource read;
    private final ObjectMapper json;

    public DocumentReadRepository(@DataSource("read") AgroalDataSource read, ObjectMapper json) {
        this.read = read;
        this.json = json;
    }

    /** A document with the outline of its chunks, in order. */
    public Optional<DocumentService.StoredDocument> find(UUID id) {
        try (Connection connection = read.getConnection()) {
            Document document;
            try (PreparedStatement statement = connection.prepareStatement("""
                    select id, source, title, content, content_sha256, language, metadata, embedding_model,
                           created_at, updated_at
                    from document where id = ?""")) {
                statement.setObject(1, id);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    document = new Document();
                    document.id = row.getObject(1, UUID.class);
                    document.source = row.getString(2);
                    document.title = row.getString(3);
                    document.content = row.getString(4);
                    document.contentSha256 = row.getString(5);
                    document.language = row.getString(6);
                    document.metadata = metadata(row.getString(7));
                    document.embeddingModel = row.getString(8);
                    document.createdAt = row.getObject(9, OffsetDateTime.class);
                    document.updatedAt = row.getObject(10, OffsetDateTime.class);
                }
            }
            List<ChunkOutline> chunks = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select ordinal, start_offset, end_offset, token_count, text
                    from chunk where document_id = ? order by ordinal""")) {
                statement.setObject(1, id);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        chunks.add(new ChunkOutline(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4),
                                row.getString(5)));
                    }
                }
            }
            return Optional.of(new DocumentService.StoredDocument(document, chunks));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading document " + id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * One page of documents by number, oldest first, each with its number of chunks, and the number of documents in
     * all (counted on its own: the page's rows are read, not all of them); only the document of {@code source} (at
     * most one) when it is not null.
     */
    public DocumentPage page(int page, int size, String source) {
        try (Connection connection = read.getConnection()) {
            Rows rows = rows(connection, null, (long) page * size, size, source);
            return new DocumentPage(rows.items(), page, size, count(connection, source), next(rows, size, source));
        } catch (SQLException e) {
            throw new IllegalStateException("Listing documents failed", e);
        }
    }

    /** The page after a cursor: keyset pagination, as fast at the end of the list as at its start; no count. */
    public DocumentPage pageAfter(DocumentCursor after, int size, String source) {
        try (Connection connection = read.getConnection()) {
            Rows rows = rows(connection, after, 0, size, source);
            return new DocumentPage(rows.items(), null, size, null, next(rows, size, source));
        } catch (SQLException e) {
            throw new IllegalStateException("Listing documents failed", e);
        }
    }

    /** A page's documents, and whether more follow (one more row is read to know). */
    private record Rows(List<DocumentSummary> items, boolean more) {
    }

    private Rows rows(Connection connection, DocumentCursor after, long offset, int size, String source)
            throws SQLException {
        List<String> conditions = new ArrayList<>();
        if (after != null) {
            conditions.add("(d.created_at, d.id) > (?, ?)");
        }
        if (source != null) {
            conditions.add("d.source = ?");
        }
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + " ";
        try (PreparedStatement statement = connection.prepareStatement("""
                select d.id, d.source, d.title, d.language, d.embedding_model,
                       (select count(*) from chunk c where c.document_id = d.id), d.metadata, d.created_at,
                       d.updated_at
                from document d %sorder by d.created_at, d.id offset ? limit ?""".formatted(where))) {
            int parameter = 1;
            if (after != null) {
                statement.setObject(parameter++, after.createdAt());
                statement.setObject(parameter++, after.id());
            }
            if (source != null) {
                statement.setString(parameter++, source);
            }
            statement.setLong(parameter++, offset);
            statement.setInt(parameter, size + 1);
            List<DocumentSummary> items = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    items.add(new DocumentSummary(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getLong(6), metadata(row.getString(7)),
                            row.getObject(8, OffsetDateTime.class), row.getObject(9, OffsetDateTime.class)));
                }
            }
            boolean more = items.size() > size;
            return new Rows(more ? List.copyOf(items.subList(0, size)) : items, more);
        }
    }

    private static String next(Rows rows, int size, String source) {
        if (!rows.more()) {
            return null;
        }
        DocumentSummary last = rows.items().get(rows.items().size() - 1);
        return "/api/documents?size=" + size + (source == null ? ""
                : "&source=" + URLEncoder.encode(source, StandardCharsets.UTF_8))
                + "&after=" + new DocumentCursor(last.createdAt(), last.id()).token();
    }

    private static long count(Connection connection, String source) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from document" + (source == null ? "" : " where source = ?"))) {
            if (source != null) {
                statement.setString(1, source);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private Map<String, Object> metadata(String value) {
        try {
            return value == null ? Map.of() : json.readValue(value, METADATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable metadata: " + e.getMessage(), e);
        }
    }
}
