package io.semsearch.answer;

import io.semsearch.common.Problem;
import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import io.smallrye.mutiny.Multi;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/ask")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READ)
@SecurityRequirement(name = ApiSecurity.SCHEME)
@Tag(name = "Ask", description = "Answers with cited passages")
public class AskResource {

    private final AskService ask;
    private final AskEventStream events;
    private final AnswerConfig config;

    public AskResource(AskService ask, AskEventStream events, AnswerConfig config) {
        this.ask = ask;
        this.events = events;
        this.config = config;
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
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    description = "Events citations, answer, then done or error; each data line is JSON"))})
    @APIResponse(responseCode = "400", description = "Blank or too long question, k out of range, bad history",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AskResponse ask(@Valid @NotNull(message = "a JSON body is required") AskRequest request) {
        return AskResponse.of(ask.ask(request.toQuestion(config.defaultK())));
    }

    /** The same answer as events, for {@code Accept: text/event-stream}; documented with {@link #ask}. */
    @POST
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> askAsEvents(@Valid @NotNull(message = "a JSON body is required") AskRequest request,
            @Context Sse sse, @Context UriInfo uri) {
        return events.answer(request.toQuestion(config.defaultK()), sse, uri.getPath());
    }
}
