package io.semsearch.security;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Completes the OpenAPI document with what annotations cannot say once for all operations. Registered with
 * {@code mp.openapi.filter}.
 * <ul>
 * <li>The bearer security scheme, and the problems an operation may answer whatever it does: a query string the
 * service refuses (400), no or an unknown key (401), too low a role (403, not for operations a reader may call),
 * an Accept header it cannot satisfy (406), a body over the limit or of another type (413, 415: operations that
 * take one), the rate limit (429), an unavailable database or model (503). Responses are listed by status.</li>
 * <li>Response schemas list every property as required: records are serialized whole, so a record whose
 * components may be left out ({@code @JsonInclude(NON_NULL)}) says which are always sent with
 * {@code @Schema(requiredProperties)} (OpenApiDocumentTest checks both against the records).</li>
 * <li>An enumeration says everything a pattern would: a pattern next to one, from the lenient Bean Validation
 * check of the same value, is dropped.</li>
 * <li>A {@code text/event-stream} response described by a discriminator mapping (event name to the schema of its
 * data) becomes the list of its events: objects {@code {event, data}}, {@code data} being JSON of that schema
 * ({@code contentMediaType}, {@code contentSchema}).</li>
 * </ul>
 */
public class ApiDocumentation implements OASFilter {

    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Map<String, String> ANY_OPERATION = Map.of(
            "400", "A query string the service refuses (a NUL character, %00), or an invalid Content-Length",
            "406", "The Accept header takes none of the media types this operation answers with",
            "429", "Rate limit of the key (or of the client address without a key, or of its failed authentications) "
                    + "reached; see Retry-After",
            "503", "The database cannot be reached (retry after Retry-After seconds), or the embedding model or "
                    + "the file extraction is unavailable");
    private static final Map<String, String> SECURED = Map.of(
            "401", "No API key, or an unknown or revoked one (Authorization: Bearer <key>)");
    private static final Map<String, String> ABOVE_READER = Map.of(
            "403", "The key's role does not allow this operation (reader < writer < admin)");
    private static final Map<String, String> WITH_BODY = Map.of(
            "413", "Body over semsearch.api.max-body-size",
            "415", "A Content-Type this operation does not take");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(ApiSecurity.SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key, sent as Authorization: Bearer <key>. Roles: reader (search, ask, read "
                        + "documents), writer (also index and delete), admin (also manage keys). Reads need no key "
                        + "when semsearch.security.anonymous-read is on. Each operation's security requirement "
                        + "names the role it needs."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<Operation> operations = new ArrayList<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") && item.getOperations() != null) {
                operations.addAll(item.getOperations().values());
            }
        });
        operations.forEach(ApiDocumentation::addSharedProblems);
        operations.forEach(ApiDocumentation::describeEventStreams);
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
        requireResponseProperties(operations, schemas);
        dropPatternsBesideEnumerations(openAPI, schemas);
    }

    private static void addSharedProblems(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        ANY_OPERATION.forEach((status, description) -> addProblem(responses, status, description));
        List<SecurityRequirement> security = operation.getSecurity();
        if (security != null && !security.isEmpty()) {
            SECURED.forEach((status, description) -> addProblem(responses, status, description));
            boolean readerMay = security.stream().allMatch(requirement -> requirement.getSchemes() != null
                    && Objects.equals(requirement.getSchemes().get(ApiSecurity.SCHEME), List.of(Role.READ)));
            if (!readerMay) {
                ABOVE_READER.forEach((status, description) -> addProblem(responses, status, description));
            }
        }
        if (operation.getRequestBody() != null) {
            WITH_BODY.forEach((status, description) -> addProblem(responses, status, description));
        }
        responses.setAPIResponses(new LinkedHashMap<>(new TreeMap<>(responses.getAPIResponses())));
    }

    private static void addProblem(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema()
                                    .ref(SCHEMAS + "Problem")))));
        }
    }

    /** Each event as {@code {event: name, data: JSON text of its schema}}, as a client reads it off the stream. */
    private static void describeEventStreams(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            MediaType stream = response.getContent() == null ? null : response.getContent().getMediaType(EVENT_STREAM);
            Schema described = stream == null ? null : stream.getSchema();
            if (described == null || described.getDiscriminator() == null
                    || described.getDiscriminator().getMapping() == null) {
                continue;
            }
            List<Schema> events = new ArrayList<>();
            described.getDiscriminator().getMapping().forEach((name, ref) -> events.add(OASFactory.createSchema()
                    .title("event " + name).addType(Schema.SchemaType.OBJECT)
                    .required(List.of("event", "data"))
                    .addProperty("event", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .constValue(name))
                    .addProperty("data", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .description("JSON").contentMediaType("application/json")
                            .contentSchema(OASFactory.createSchema().ref(ref)))));
            stream.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                    .description(described.getDescription())
                    .items(OASFactory.createSchema().oneOf(events)));
        }
    }

    private static void requireResponseProperties(List<Operation> operations, Map<String, Schema> schemas) {
        Set<String> responseSide = new HashSet<>();
        Set<String> requestSide = new HashSet<>();
        for (Operation operation : operations) {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values()
                        .forEach(response -> mediaSchemas(response.getContent())
                                .forEach(schema -> reach(schema, schemas, responseSide)));
            }
            if (operation.getRequestBody() != null) {
                mediaSchemas(operation.getRequestBody().getContent())
                        .forEach(schema -> reach(schema, schemas, requestSide));
            }
            if (operation.getParameters() != null) {
                operation.getParameters().stream().map(Parameter::getSchema).filter(Objects::nonNull)
                        .forEach(schema -> reach(schema, schemas, requestSide));
            }
        }
        responseSide.removeAll(requestSide);
        for (String name : responseSide) {
            Schema schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()
                    && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static Stream<Schema> mediaSchemas(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return Stream.empty();
        }
        return content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(Objects::nonNull);
    }

    /** Adds the names of the component schemas {@code schema} refers to, directly or not. */
    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        visit(schema, sub -> {
            String name = componentName(sub);
            if (name != null && names.add(name) && schemas.containsKey(name)) {
                reach(schemas.get(name), schemas, names);
            }
        });
    }

    private static String componentName(Schema schema) {
        String ref = schema.getRef();
        return ref != null && ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : null;
    }

    /** {@code schema} and every schema within it (not following references). */
    private static void visit(Schema schema, Consumer<Schema> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(sub -> visit(sub, action));
        }
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems())
                .filter(Objects::nonNull).flatMap(List::stream).forEach(sub -> visit(sub, action));
        Stream.of(schema.getItems(), schema.getAdditionalPropertiesSchema(), schema.getNot(),
                schema.getContentSchema()).forEach(sub -> visit(sub, action));
    }

    private static void dropPatternsBesideEnumerations(OpenAPI openAPI, Map<String, Schema> schemas) {
        Consumer<Schema> drop = schema -> {
            if (schema.getPattern() == null) {
                return;
            }
            String name = componentName(schema);
            Schema target = name == null ? schema : schemas.get(name);
            if (hasEnumeration(schema) || hasEnumeration(target)) {
                schema.setPattern(null);
            }
        };
        schemas.values().forEach(schema -> visit(schema, drop));
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() == null) {
                return;
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> visit(parameter.getSchema(), drop));
                }
            });
        });
    }

    private static boolean hasEnumeration(Schema schema) {
        return schema != null && schema.getEnumeration() != null && !schema.getEnumeration().isEmpty();
    }
}
