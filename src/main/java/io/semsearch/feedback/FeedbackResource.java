package io.semsearch.feedback;

import io.semsearch.common.Problem;
import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/ask/{answerId}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READ)
@SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.READ)
@Tag(name = "Feedback", description = "Ratings of answers, and what they tell the corpus owner")
public class FeedbackResource {

    // written without \p{XDigit}, so that JavaScript and other regex engines read the OpenAPI document's pattern too
    static final String UUID_PATTERN =
            "\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*";

    private final FeedbackService feedback;

    public FeedbackResource(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @POST
    @Operation(operationId = "giveFeedback", summary = "Rate an answer",
            description = "Rates an answer of POST /api/ask (its answerId) up or down, with an optional comment. "
                    + "Whoever may ask may rate. An answer has one rating: a later one replaces the earlier, "
                    + "comment included. Answers are kept semsearch.feedback.retention-days days.")
    @RequestBody(content = @Content(schema = @Schema(implementation = FeedbackRequest.class), examples = {
            @ExampleObject(name = "up", value = "{\"rating\": \"up\"}"),
            @ExampleObject(name = "down with a comment",
                    value = "{\"rating\": \"down\", \"comment\": \"La réponse cite le mauvais montant.\"}")}))
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "400", description = "Not an answer id (a UUID), rating other than up or down, "
            + "comment over 2000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No answer with this id is kept: never given, not kept, or past "
            + "its retention",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database is unreachable, or read-only for a moment: send the "
            + "feedback again after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response give(
            @Parameter(description = "The answerId of the answer", example = "3f0c2a8e-5b1d-4c7a-9e2f-6d8b1a4c0e57")
            @PathParam("answerId") @Pattern(regexp = UUID_PATTERN, message = "must be an answer id (a UUID)")
            String answerId,
            @Valid @NotNull(message = "a JSON body is required") FeedbackRequest request) {
        feedback.rate(UUID.fromString(answerId.strip()), request.toRating(), request.strippedComment());
        return Response.noContent().build();
    }
}
