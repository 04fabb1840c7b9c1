package io.semsearch.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.semsearch.search.SearchFilters;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Kept answers and their feedback. Writes, and the lookups a write decides on, go to the primary; the report and
 * the export read the read datasource (a replica when one is configured: the last seconds may be missing there).
 */
@ApplicationScoped
public class FeedbackRepository {

    private static final TypeReference<List<RecordedAnswer.Citation>> CITATIONS = new TypeReference<>() {
    };
    /** Rows the export holds in memory at a time. */
    private static final int EXPORT_FETCH_SIZE = 200;

    private final AgroalDataSource primary;
    private final AgroalDataSource read;
    private final ObjectMapper json;

    public FeedbackRepository(AgroalDataSource primary, @DataSource("read") AgroalDataSource read, ObjectMapper json) {
        this.primary = primary;
        this.read = read;
        this.json = json;
    }

    public void insert(RecordedAnswer answer) throws SQLException {
        try (Connection connection = primary.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        insert into answer_record (id, created_at, question, question_key, history_turns, filters,
                            answered, reason, answer, short_answer, citations, model, generator)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")) {
            statement.setObject(1, answer.id());
            statement.setObject(2, answer.createdAt());
            statement.setString(3, answer.question());
            statement.setString(4, QuestionKey.of(answer.question()));
            statement.setInt(5, answer.historyTurns());
            statement.setString(6, answer.filters() == null ? null : write(answer.filters()));
            statement.setBoolean(7, answer.answered());
            statement.setString(8, answer.reason());
            statement.setString(9, answer.answer());
            statement.setString(10, answer.shortAnswer());
            statement.setString(11, write(answer.citations()));
            statement.setString(12, answer.model());
            statement.setString(13, answer.generator());
            statement.executeUpdate();
        }
    }

    /**
     * Sets the feedback on an answer given at {@code keptSince} or later, replacing any earlier feedback on it.
     *
     * @return false when no such answer is kept
     */
    public boolean rate(UUID answerId, Rating rating, String comment, OffsetDateTime now, OffsetDateTime keptSince) {
        try (Connection connection = primary.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        insert into answer_feedback (answer_id, rating, comment, created_at, updated_at)
                        select id, ?, ?, ?, ? from answer_record where id = ? and created_at >= ?
                        on conflict (answer_id) do update
                        set rating = excluded.rating, comment = excluded.comment, updated_at = excluded.updated_at""")) {
            statement.setString(1, rating.label());
            statement.setString(2, comment);
            statement.setObject(3, now);
            statement.setObject(4, now);
            statement.setObject(5, answerId);
            statement.setObject(6, keptSince);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the feedback on answer " + answerId + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Deletes up to {@code batch} answers given before {@code before}, with their feedback; returns how many. */
    public int deleteBefore(OffsetDateTime before, int batch) {
        try (Connection connection = primary.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        delete from answer_record where id in (
                            select id from answer_record where created_at < ? order by created_at limit ?)""")) {
            statement.setObject(1, before);
            statement.setInt(2, batch);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting answers given before " + before + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Questions the service abstained on since {@code since}, grouped by {@link QuestionKey}, most frequent first. */
    public List<FeedbackReport.QuestionCount> abstained(OffsetDateTime since, int limit) {
        return questionCounts("""
                select (array_agg(question order by created_at desc))[1], count(*), 0, max(created_at),
                       (array_agg(id order by created_at desc))[1], null
                from answer_record
                where not answered and created_at >= ?
                group by question_key
                order by count(*) desc, max(created_at) desc, question_key
                limit ?""", since, limit);
    }

    /**
     * Questions whose answers (given since {@code since}) were voted down, grouped by {@link QuestionKey}, most
     * down votes first, with the up votes of the same question and the latest comment of a down vote.
     */
    public List<FeedbackReport.QuestionCount> downVoted(OffsetDateTime since, int limit) {
        return questionCounts("""
                select (array_agg(r.question order by f.updated_at desc) filter (where f.rating = 'down'))[1],
                       count(*) filter (where f.rating = 'down'),
                       count(*) filter (where f.rating = 'up'),
                       max(f.updated_at) filter (where f.rating = 'down'),
                       (array_agg(r.id order by f.updated_at desc) filter (where f.rating = 'down'))[1],
                       (array_agg(f.comment order by f.updated_at desc)
                           filter (where f.rating = 'down' and f.comment is not null))[1]
                from answer_feedback f join answer_record r on r.id = f.answer_id
                where r.created_at >= ?
                group by r.question_key
                having count(*) filter (where f.rating = 'down') > 0
                order by 2 desc, 4 desc, r.question_key
                limit ?""", since, limit);
    }

    public FeedbackReport.Totals totals(OffsetDateTime since) {
        try (Connection connection = read.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select count(*), count(*) filter (where not r.answered),
                               count(*) filter (where f.rating = 'up'), count(*) filter (where f.rating = 'down')
                        from answer_record r left join answer_feedback f on f.answer_id = r.id
                        where r.created_at >= ?""")) {
            statement.setObject(1, since);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new FeedbackReport.Totals(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the feedback totals failed: " + e.getMessage(), e);
        }
    }

    private List<FeedbackReport.QuestionCount> questionCounts(String sql, OffsetDateTime since, int limit) {
        try (Connection connection = read.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, since);
            statement.setInt(2, limit);
            List<FeedbackReport.QuestionCount> counts = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    counts.add(new FeedbackReport.QuestionCount(row.getString(1), row.getLong(2), row.getLong(3),
                            row.getObject(4, OffsetDateTime.class), row.getObject(5, UUID.class), row.getString(6)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the feedback report failed: " + e.getMessage(), e);
        }
    }

    /**
     * Hands each answer given since {@code since} to {@code sink}, oldest first, read through a cursor so that
     * only a few rows are in memory at once.
     *
     * @param all every kept answer; otherwise only those with feedback
     */
    public void forEach(OffsetDateTime since, boolean all, Consumer<ExportedAnswer> sink) {
        try (Connection connection = read.getConnection()) {
            // PostgreSQL's driver fetches rows in batches through a cursor only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("""
                    select r.id, r.created_at, r.question, r.history_turns, r.filters, r.answered, r.reason,
                           r.answer, r.short_answer, r.citations, r.model, r.generator,
                           f.rating, f.comment, f.updated_at
                    from answer_record r %s join answer_feedback f on f.answer_id = r.id
                    where r.created_at >= ?
                    order by r.created_at, r.id""".formatted(all ? "left" : ""))) {
                statement.setFetchSize(EXPORT_FETCH_SIZE);
                statement.setObject(1, since);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        String filters = row.getString(5);
                        RecordedAnswer answer = new RecordedAnswer(row.getObject(1, UUID.class),
                                row.getObject(2, OffsetDateTime.class), row.getString(3), row.getInt(4),
                                filters == null ? null : json.readValue(filters, SearchFilters.class),
                                row.getBoolean(6), row.getString(7), row.getString(8), row.getString(9),
                                json.readValue(row.getString(10), CITATIONS), row.getString(11), row.getString(12));
                        String rating = row.getString(13);
                        sink.accept(new ExportedAnswer(answer, rating == null ? null : Rating.of(rating),
                                row.getString(14), row.getObject(15, OffsetDateTime.class)));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Reading the kept answers failed: " + e.getMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
