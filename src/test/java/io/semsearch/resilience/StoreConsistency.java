package io.semsearch.resilience;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the store holds of documents whose source starts with a prefix, read straight from PostgreSQL. */
final class StoreConsistency {

    private StoreConsistency() {
    }

    /** The stored sources with that prefix. */
    static Set<String> sources(Connection connection, String prefix) throws SQLException {
        Set<String> sources = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select source from document where starts_with(source, ?)")) {
            statement.setString(1, prefix);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sources.add(rows.getString(1));
                }
            }
        }
        return sources;
    }

    /**
     * Documents with that prefix that are not whole: without chunks, with a gap in their chunk ordinals, or with a chunk lacking its vector or its sentence vectors; and chunks without their
     * document. Empty when every document is either fully there or absent.
     */
    static List<String> violations(Connection connection, String prefix) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select d.source, count(c.id), coalesce(max(c.ordinal), -1), count(c.embedding),
                       count(c.sentence_embeddings), count(c.sentence_spans)
                from document d left join chunk c on c.document_id = d.id
                where starts_with(d.source, ?)
                group by d.id, d.source""")) {
            statement.setString(1, prefix);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String source = rows.getString(1);
                    long chunks = rows.getLong(2);
                    if (chunks == 0) {
                        violations.add(source + ": no chunk");
                    } else if (rows.getLong(3) != chunks - 1) {
                        violations.add(source + ": " + chunks + " chunks, last ordinal " + rows.getLong(3));
                    }
                    if (rows.getLong(4) != chunks || rows.getLong(5) != chunks || rows.getLong(6) != chunks) {
                        violations.add(source + ": chunks without vectors or sentence vectors");
                    }
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from chunk c where not exists (select 1 from document d where d.id = c.document_id)");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            if (rows.getLong(1) > 0) {
                violations.add(rows.getLong(1) + " chunks without their document");
            }
        }
        return violations;
    }
}
