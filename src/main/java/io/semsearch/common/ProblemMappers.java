package io.semsearch.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every error of the API as {@code application/problem+json} with a detail that says what to fix. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper json;
    private final ApiConfig config;

    public ProblemMappers(ObjectMapper json, ApiConfig config) {
        this.json = json;
        this.config = config;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .collect(Collectors.joining("; "));
        return problem(400, "Invalid request", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        String detail;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = field(mapping);
            detail = "The request body does not fit the expected JSON at '" + field + "': " + e.getOriginalMessage();
        } else {
            detail = "The request body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")" : "");
        }
        return problem(400, "Malformed JSON", detail, uri, null);
    }

    /**
     * A field the endpoint does not know is refused rather than ignored, so that a client never believes a setting it
     * sent (a misspelt name, a feature of another version) was applied.
     */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = field(e);
        String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString)
                .sorted().collect(Collectors.joining(", "));
        String detail = "The request body has a field this endpoint does not know: '" + field + "'"
                + (known.isEmpty() ? "" : "; known fields there: " + known);
        return problem(400, "Unknown field", detail, uri,
                List.of(new Problem.FieldError(field, "unknown field" + (known.isEmpty() ? "" : "; known: " + known))));
    }

    /** Where in the body a mapping failed, as Bean Validation names fields: {@code documents[1].text}. */
    private static String field(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** More specific than {@link #malformedJson}, to take precedence over Quarkus' built-in mappers. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    /**
     * A type Jackson cannot build is this service's fault (500), but still a problem document: more specific than
     * Quarkus' built-in mapper, which answers with an empty body.
     */
    @ServerExceptionMapper
    public Response undeserializable(InvalidDefinitionException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    /** Every feature's own failures: each exception says its status, title, field errors and headers. */
    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        if (e.serverSide() && DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e, uri);
        }
        if (e.serverSide()) {
            LOG.error(e.title() + " on " + uri.getPath(), e);
        }
        Response.ResponseBuilder response = json(Problem.of(e, uri.getPath()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause, uri);
        }
        String detail = e.getMessage();
        if (e instanceof NotSupportedException) {
            detail = "This endpoint does not take the request's Content-Type: JSON endpoints take "
                    + "application/json, file uploads multipart/form-data (see /q/openapi)";
        } else if (e instanceof NotAllowedException) {
            detail = "Method not allowed here; allowed: " + e.getResponse().getAllowedMethods();
        } else if (detail == null || detail.startsWith("HTTP ")) {
            detail = status == 404 ? "No resource at " + uri.getPath() : Response.Status.fromStatusCode(status) + "";
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            detail = "The request failed; the error is logged";
        }
        return problem(status, reason(status), detail, uri, null);
    }

    /**
     * A key that matches none; or no answer from the store while looking the key up; or a client refused before its
     * key was looked up (its failure is the cause).
     */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (e.getCause() instanceof ApiException refused) {
            return api(refused, uri);
        }
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e, uri);
        }
        return json(Problem.unauthorized(true, uri.getPath())).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        Metrics.counter("semsearch.auth.failures", "reason", "missing-key").increment();
        return json(Problem.unauthorized(false, uri.getPath())).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Metrics.counter("semsearch.auth.failures", "reason", "forbidden").increment();
        return problem(403, "Forbidden", "This API key's role does not allow this request (roles: reader < writer "
                + "< admin)", uri, null);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e, uri);
        }
        if (truncatedMultipart(e)) {
            return problem(400, "Bad request", "The multipart/form-data body ended before its closing boundary (a "
                    + "request that declares a form must send one)", uri, null);
        }
        if (RequestBodyLimit.cutOff(e)) {
            // the body reader has already answered 413 and is closing the connection: nothing to log
            return problem(413, "Payload too large", "The request body is longer than "
                    + config.maxBodySize().asLongValue() + " bytes (semsearch.api.max-body-size)", uri, null);
        }
        LOG.error("Unexpected error on " + uri.getPath(), e);
        return json(Problem.internal(uri.getPath())).build();
    }

    /** The form parser of a request that declares multipart/form-data but sends no complete form. */
    private static boolean truncatedMultipart(Throwable e) {
        return e instanceof java.io.IOException && e.getMessage() != null
                && e.getMessage().startsWith("Connection terminated parsing multipart request");
    }

    /** No stack trace: during an outage every request fails the same way, and the cause fits on one line. */
    private Response databaseUnavailable(Throwable e, UriInfo uri) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.warnf("Database unavailable on %s: %s", uri.getPath(), root.getMessage());
        return json(Problem.databaseUnavailable(uri.getPath()))
                .header("Retry-After", Long.toString(retryAfterSeconds(config))).build();
    }

    /** The {@code Retry-After} of a 503 during a database outage, in whole seconds (at least 1). */
    public static long retryAfterSeconds(ApiConfig config) {
        return Math.max(1, config.databaseRetryAfter().toSeconds());
    }

    private Response problem(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return json(new Problem("about:blank", title, status, detail, uri.getPath(), errors)).build();
    }

    private Response.ResponseBuilder json(Problem body) {
        try {
            return Response.status(body.status()).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    /**
     * The field as the client named it: "index.request.text" becomes "text", "search.query.documentId[1]" (an element
     * of a repeated query parameter) "documentId[1]", "ask.request.history[0].role" "history[0].role". The Java
     * method and parameter names say nothing to an API user.
     */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = "request";
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case CONTAINER_ELEMENT -> appendIndex(field, node);
                case PROPERTY, BEAN -> {
                    if (node.isInIterable()) {
                        appendIndex(field, node);
                    }
                    if (node.getName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        return field.isEmpty() ? parameter : field.toString();
    }

    private static void appendIndex(StringBuilder field, Path.Node node) {
        Object index = node.getIndex() != null ? node.getIndex() : node.getKey();
        if (index != null && !field.isEmpty()) {
            field.append('[').append(index).append(']');
        }
    }
}
