package io.wem.wellbeing.rest;

import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.common.problem.Problem;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.wellbeing.service.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Agents contest automated decisions about themselves and follow the outcome. */
@Path("/api/v1/me/contests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Human review")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.AGENT)
public class ContestResource {
    static final String CONTEST_EXAMPLE = "{\"contestId\":\"5d2c...\",\"subjectType\":\"MONITORING_EVENT\","
            + "\"subjectId\":\"mon-7f3c\",\"actionKind\":\"AUTOMATED_SCORE\",\"statement\":\"The automated score "
            + "counted a call I transferred.\",\"status\":\"PENDING\",\"outcomeReason\":null,\"createdAt\":"
            + "\"2026-03-10T12:30:00Z\",\"decidedAt\":null}";

    @Inject
    CurrentCaller caller;

    @Inject
    ReviewService reviews;

    @POST
    @PersonalData(reads = DataClasses.GUARDRAIL_DECISION, writes = DataClasses.GUARDRAIL_DECISION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "contestDecision", summary = "Contest an automated decision about me",
            description = "An automated monitoring event (e.g. an automated score) or an automated guardrail "
                    + "decision about the calling agent goes to the team supervisors' review queue. Audited.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewViews.Contest.class),
            examples = @ExampleObject(name = "created", value = CONTEST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid body, or the decision was not automated",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an agent (or no agent_id in the token)")
    @APIResponse(responseCode = "404", description = "No such decision about the caller")
    @APIResponse(responseCode = "409", description = "Already contested and pending")
    public Response contest(@Valid @NotNull ReviewViews.ContestRequest body) {
        return Response.status(201).entity(ReviewViews.Contest.of(
                reviews.contest(body.subjectType(), body.subjectId(), body.statement(), caller.get()))).build();
    }

    @GET
    @PersonalData(reads = DataClasses.GUARDRAIL_DECISION)
    @Operation(summary = "My contests and their outcomes", description = "Newest first. Audited.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewViews.Contest.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "one", value = "[" + CONTEST_EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an agent (or no agent_id in the token)")
    public List<ReviewViews.Contest> mine() {
        return reviews.myContests(caller.get()).stream().map(ReviewViews.Contest::of).toList();
    }
}
