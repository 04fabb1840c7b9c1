package io.semsearch.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

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
     * One page of documents, oldest first, each with its number of chunks, and the number of documents in all; only
     * the document of {@code source} (at most one) when it is not null.
     */
    public DocumentPage page(int page, int size, String source) {
        String where = source == null ? "" : "where d.source = ? ";
        try (Connection connection = read.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                select d.id, d.source, d.title, d.language, d.embedding_model,
                       (select count(*) from chunk c where c.document_id = d.id), d.metadata, d.created_at,
                       d.updated_at, count(*) over ()
                from document d %sorder by d.created_at, d.id offset ? limit ?""".formatted(where))) {
            int parameter = 1;
            if (source != null) {
                statement.setString(parameter++, source);
            }
            statement.setLong(parameter++, (long) page * size);
            statement.setInt(parameter, size);
            List<DocumentSummary> items = new ArrayList<>();
            long total = -1;
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    items.add(new DocumentSummary(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getLong(6), metadata(row.getString(7)),
                            row.getObject(8, OffsetDateTime.class), row.getObject(9, OffsetDateTime.class)));
                    total = row.getLong(10);
                }
            }
            return new DocumentPage(items, page, size, total >= 0 ? total : count(connection, source));
        } catch (SQLException e) {
            throw new IllegalStateException("Listing documents failed: " + e.getMessage(), e);
        }
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
