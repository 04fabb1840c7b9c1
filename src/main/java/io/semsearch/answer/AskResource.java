package io.semsearch.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.semsearch.common.ApiException;
import io.semsearch.common.Problem;
import io.semsearch.search.SearchHit;
import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import io.smallrye.mutiny.Multi;
import io.quarkus.security.identity.SecurityIdentity;
import io.semsearch.common.ConcurrencyLimit;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

@Path("/api/ask")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READ)
@SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.READ)
@Tag(name = "Ask", description = "Answers with cited passages")
@jakarta.inject.Singleton // one count of running requests for all of them
public class AskResource {

    public static final String CITATIONS = "citations";
    public static final String ANSWER = "answer";
    public static final String DONE = "done";
    public static final String ERROR = "error";

    private static final Logger LOG = Logger.getLogger(AskResource.class);

    private final AskService ask;
    private final AskEventStream events;
    private final AnswerConfig config;
    private final SecurityIdentity identity;
    private final ConcurrencyLimit streams = new ConcurrencyLimit("answer streams",
            "semsearch.answer.max-streams-per-key");

    public AskResource(AskService ask, AskEventStream events, AnswerConfig config, SecurityIdentity identity) {
        this.ask = ask;
        this.events = events;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Operation(operationId = "ask", summary = "Answer a question with cited passages",
            description = "Retrieves passages (hybrid), then answers with the best one to three of their sentences, "
                    + "each followed by [n], the number of its citation, and, for a question asking for a fact, the "
                    + "short answer (shortAnswer: a span of a cited passage). Abstains (answered: false) when nothing "
                    + "relevant is indexed. With Accept: text/event-stream the answer streams as Server-Sent "
                    + "Events: citations (the retrieved passages), answer (pieces of text), then done (this "
                    + "response) or error (a problem document).")
    @RequestBody(content = @Content(schema = @Schema(implementation = AskRequest.class), examples = {
            @ExampleObject(name = "question", value = "{\"question\": \"Combien Microsoft a-t-il investi dans OpenAI ?\"}"),
            @ExampleObject(name = "follow-up", value = """
                    {"question": "Et combien a-t-elle levé ?",
                     "history": [{"role": "user", "content": "Avec qui OpenAI a-t-elle signé un contrat ?"}]}"""),
            @ExampleObject(name = "filtered", value = """
                    {"question": "Que demande Google à la FTC ?", "k": 3,
                     "filters": {"metadata": {"corpus": "sample"}}}""")}))
    @APIResponse(responseCode = "200", description = "An answer, or an abstention", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AskResponse.class)),
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(
                    description = "Events citations, answer (any number), then done or error; each event's data is "
                            + "JSON",
                    discriminatorProperty = "event", discriminatorMapping = {
                            @DiscriminatorMapping(value = CITATIONS, schema = CitationsEvent.class),
                            @DiscriminatorMapping(value = ANSWER, schema = AnswerEvent.class),
                            @DiscriminatorMapping(value = DONE, schema = AskResponse.class),
                            @DiscriminatorMapping(value = ERROR, schema = Problem.class)}))})
    @APIResponse(responseCode = "400", description = "Blank or too long question, k out of range, bad history",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AskResponse ask(@Valid @NotNull(message = "a JSON body is required") AskRequest request) {
        return AskResponse.of(ask.ask(request.toQuestion(config.defaultK())));
    }

    /**
     * The same answer as Server-Sent Events, for {@code Accept: text/event-stream}; documented with {@link #ask}:
     * {@code citations} (the retrieved passages), {@code answer} (pieces of text; one with {@code restart: true}
     * withdraws the text sent before it), then {@code done} (the response of the JSON endpoint) or {@code error} (a
     * problem document). One numbering throughout: the streamed markers and the citations of {@code done} number the
     * passages of {@code citations}.
     */
    @POST
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> askAsEvents(@Valid @NotNull(message = "a JSON body is required") AskRequest request,
            @Context Sse sse, @Context UriInfo uri, @Context HttpServerRequest http) {
        String path = uri.getPath();
        ConcurrencyLimit.Permit permit = streams.enter(ConcurrencyLimit.client(identity, http),
                config.maxStreamsPerKey());
        return events.answer(request.toQuestion(config.defaultK())).map(event -> toSse(event, sse, path))
                .onTermination().invoke(permit::close);
    }

    /** The passages retrieved for the question, numbered from 1 as the markers of the streamed answer. */
    public record CitationsEvent(List<AskResponse.Citation> citations, String model) {
    }

    /**
     * A piece of the answer's text.
     *
     * @param restart true when the text sent before this event is withdrawn: the configured generator failed (reason
     *     says why) and another one answers from here on
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = "text")
    public record AnswerEvent(String text, Boolean restart, String reason) {
    }

    private static OutboundSseEvent toSse(AskEvent event, Sse sse, String path) {
        if (event instanceof AskEvent.Passages passages) {
            List<AskResponse.Citation> citations = new ArrayList<>(passages.passages().size());
            for (SearchHit passage : passages.passages()) {
                citations.add(AskResponse.Citation.of(citations.size() + 1, passage));
            }
            return json(sse, CITATIONS, new CitationsEvent(citations, passages.retrieval().model()));
        } else if (event instanceof AskEvent.Text text) {
            return json(sse, ANSWER, new AnswerEvent(text.delta(), null, null));
        } else if (event instanceof AskEvent.Restart restart) {
            return json(sse, ANSWER, new AnswerEvent("", Boolean.TRUE, restart.reason()));
        } else if (event instanceof AskEvent.Answered answered) {
            return json(sse, DONE, AskResponse.numberedAsPassages(answered.answer(), answered.passages()));
        }
        return json(sse, ERROR, problem(((AskEvent.Failed) event).error(), path));
    }

    private static Problem problem(RuntimeException error, String path) {
        if (error instanceof ApiException e) {
            if (e.serverSide()) {
                LOG.error(e.title() + " on " + path + " (stream)", e);
            }
            return Problem.of(e, path);
        }
        LOG.error("Unexpected error on " + path + " (stream)", error);
        return Problem.internal(path);
    }

    private static OutboundSseEvent json(Sse sse, String name, Object data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(data.getClass(), data).build();
    }
}
