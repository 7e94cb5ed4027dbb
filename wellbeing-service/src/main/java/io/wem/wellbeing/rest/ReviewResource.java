package io.wem.wellbeing.rest;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.wem.common.openapi.Ids;
import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.wellbeing.service.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/** The human review queue of a team's supervisors. */
@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Human review")
@SecurityRequirement(name = "bearer")
public class ReviewResource {
    static final String ITEM_EXAMPLE = "{\"reviewId\":\"9a0e5c1b-2f7d-4d0e-8a57-3c1b7a6d2e10\",\"type\":"
            + "\"AUTOMATED_DECISION\",\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\",\"actionKind\":"
            + "\"PERFORMANCE_PLAN\",\"reference\":\"int-42\",\"subjectType\":\"GUARDRAIL_DECISION\",\"subjectId\":"
            + "\"0b6f2c9e-...\",\"summary\":\"Automated PERFORMANCE_PLAN requested by coaching-service: An automated "
            + "performance plan affects the agent, so this team's policy requires a person to approve it first.\","
            + "\"statement\":null,\"status\":\"PENDING\",\"reviewer\":null,\"reviewReason\":null,\"createdAt\":"
            + "\"2026-03-10T12:30:00Z\",\"decidedAt\":null}";

    @Inject
    CurrentCaller caller;

    @Inject
    ReviewService reviews;

    @GET
    @PersonalData(reads = DataClasses.GUARDRAIL_DECISION)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "A team's review queue",
            description = "Automated actions awaiting a person's approval (REQUIRE_HUMAN_REVIEW decisions) and agents' "
                    + "contests of automated decisions, oldest first. Supervisors of the team only. Audited.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewViews.ReviewItem.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "pending", value = "[" + ITEM_EXAMPLE + "]")))
    @APIResponse(responseCode = "400", description = "Missing teamId or unknown status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a supervisor of the team")
    public List<ReviewViews.ReviewItem> queue(
            @Parameter(required = true, example = "team-north") @QueryParam("teamId") String teamId,
            @Parameter(description = "PENDING (default), APPROVED, REJECTED or ALL") @QueryParam("status")
            @DefaultValue("PENDING") String status) {
        if (teamId == null || teamId.isBlank()) {
            throw ProblemException.badRequest("teamId", "must not be blank");
        }
        if (!Set.of("PENDING", "APPROVED", "REJECTED", "ALL").contains(status)) {
            throw ProblemException.badRequest("status", "must be PENDING, APPROVED, REJECTED or ALL");
        }
        return reviews.queue(teamId, status, caller.get()).stream().map(ReviewViews.ReviewItem::of).toList();
    }

    @POST
    @PersonalData(reads = DataClasses.GUARDRAIL_DECISION, writes = DataClasses.GUARDRAIL_DECISION)
    @Path("/{reviewId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Approve or reject a review item",
            description = "For an automated decision: approve lets the action through when the requester asks again "
                    + "with the same reference; reject makes that answer DENY. For a contest: approve overturns the "
                    + "automated decision (it stops counting toward the agent's monitoring intensity). Audited.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewViews.ReviewItem.class),
            examples = @ExampleObject(name = "approved", value = ITEM_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid body; `errors` names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a supervisor of the agent's team")
    @APIResponse(responseCode = "404", description = "No such review item")
    @APIResponse(responseCode = "409", description = "Already decided")
    public ReviewViews.ReviewItem decide(@PathParam("reviewId") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String reviewId,
                                         @Valid @NotNull ReviewViews.ReviewDecision body) {
        return ReviewViews.ReviewItem.of(reviews.decide(reviewId, body.approve(), body.reason(), caller.get()));
    }
}
