package io.semsearch.feedback;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.semsearch.common.Problem;
import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

@Path("/api/feedback")
@RolesAllowed(Role.MANAGE_KEYS)
@SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.MANAGE_KEYS)
@Tag(name = "Feedback")
public class FeedbackReportResource {

    public static final String NDJSON = "application/x-ndjson";

    private static final String SINCE_PATTERN =
            "\\s*\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?\\s*";
    private static final String SINCE_MESSAGE = "must be a date (2026-12-01) or a date and time with its offset "
            + "(2026-12-01T08:00:00Z)";
    private static final String SINCE_DESCRIPTION = "Only answers given since then: a date (midnight UTC) or a date "
            + "and time with its offset; default: every kept answer";

    private final FeedbackService feedback;
    private final ObjectWriter lines;

    public FeedbackReportResource(FeedbackService feedback, ObjectMapper json) {
        this.feedback = feedback;
        this.lines = json.writerFor(ExportLine.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @GET
    @Path("/report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "feedbackReport", summary = "What users could not get answered, and disliked (admin)",
            description = "The questions the service abstained on most often, and those whose answers were voted "
                    + "down most often (with the up votes they also got and the latest comment), each grouped over "
                    + "case, spaces and punctuation, with its count, when it was last seen and a sample answer id. "
                    + "Read from the read datasource: on a replica, the last seconds may be missing.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = FeedbackReportResponse.class)))
    @APIResponse(responseCode = "400", description = "since not a date or date-time, limit not 1 to 100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedbackReportResponse report(
            @Parameter(description = SINCE_DESCRIPTION, example = "2026-12-01")
            @QueryParam("since") @Pattern(regexp = SINCE_PATTERN, message = SINCE_MESSAGE) String since,
            @Parameter(description = "Questions listed in each part, 1 to 100 (default 20)", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @QueryParam("limit") @Pattern(regexp = "\\s*([1-9]|[1-9][0-9]|100)\\s*",
                    message = "must be a whole number from 1 to 100") String limit) {
        int count = limit == null || limit.isBlank() ? 20 : Integer.parseInt(limit.strip());
        return FeedbackReportResponse.of(feedback.report(parseSince(since), count));
    }

    @GET
    @Path("/export")
    @Produces(NDJSON)
    @Operation(operationId = "exportFeedback", summary = "Rated answers as JSON lines, for training (admin)",
            description = "One JSON object per line (application/x-ndjson), oldest first: the question, the answer "
                    + "with its markers [n], its citations (document, source, offsets, text, the quoted sentence's "
                    + "offsets), the rating and comment. Only rated answers, or with all=true every kept answer "
                    + "(rating null when none). Streamed as it is read.")
    @APIResponse(responseCode = "200", description = "The answers, one per line", content = @Content(
            mediaType = NDJSON, schema = @Schema(implementation = ExportLine.class)))
    @APIResponse(responseCode = "400", description = "since not a date or date-time, all not true or false",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StreamingOutput export(
            @Parameter(description = SINCE_DESCRIPTION, example = "2026-12-01")
            @QueryParam("since") @Pattern(regexp = SINCE_PATTERN, message = SINCE_MESSAGE) String since,
            @Parameter(description = "Every kept answer, rated or not (default false: rated ones only)",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("all") @Pattern(regexp = "\\s*(true|false)?\\s*", message = "must be true or false")
            String all) {
        OffsetDateTime from = parseSince(since);
        boolean every = all != null && all.strip().equals("true");
        return output -> write(from, every, output);
    }

    private void write(OffsetDateTime since, boolean all, OutputStream output) throws IOException {
        OutputStream buffered = new BufferedOutputStream(output, 64 * 1024);
        try {
            feedback.export(since, all, exported -> {
                try {
                    lines.writeValue(buffered, ExportLine.of(exported));
                    buffered.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        buffered.flush();
    }

    private static OffsetDateTime parseSince(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        String text = since.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidReportParameterException("since", "'" + text + "' is no such date or time");
        }
    }
}
