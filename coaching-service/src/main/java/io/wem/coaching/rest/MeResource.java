package io.wem.coaching.rest;

import jakarta.validation.constraints.Pattern;
import io.wem.common.openapi.Ids;
import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.coaching.domain.InterventionState;
import io.wem.coaching.persistence.HistoryEntity;
import io.wem.coaching.persistence.InterventionEntity;
import io.wem.coaching.service.InterventionService;
import io.wem.common.audit.Audit;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;

/**
 * The agent's side: their own plan, and taking part in it. An agent only ever sees interventions addressed to
 * them, and only from assignment on (what is still with the guardrail or a reviewer is not their plan yet).
 */
@Path("/api/v1/me/interventions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My plan (agent)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.AGENT)
public class MeResource {

    static final List<String> VISIBLE = List.of("ASSIGNED", "SCHEDULED", "IN_PROGRESS", "COMPLETED", "FOLLOW_UP",
            "CLOSED_EFFECTIVE", "CLOSED_INEFFECTIVE", "CLOSED_INCONCLUSIVE");

    @Inject
    CurrentCaller caller;

    @Inject
    InterventionService interventions;

    /** Free text people type is redacted by governance before it is stored, or refused (503). */
    @Inject
    io.wem.common.redaction.FreeText freeText;

    @Inject
    Audit audit;

    @Inject
    DeniedAccessAudit deniedAudit;

    @Inject
    Clock clock;

    @GET
    @PersonalData(reads = DataClasses.COACHING_RECORD)
    @Transactional
    @Operation(summary = "My development plan", description = "Interventions addressed to the calling agent "
            + "(agent_id claim), newest first, from assignment on.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "plan", value = "[" + InterventionResource.EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not an agent, or the token has no agent_id", content = @Content(mediaType = "application/problem+json"))
    public List<InterventionView> plan() {
        Caller c = self();
        List<InterventionEntity> mine = InterventionEntity.list("agentId = ?1 and state in ?2 order by createdAt desc",
                c.agentId(), VISIBLE);
        audit.read(c, c.agentId(), "coaching-service:me/interventions", "agent views own plan");
        java.util.Map<String, List<HistoryEntity>> histories = HistoryEntity.of(mine.stream().map(i -> i.id).toList());
        return mine.stream().map(i -> InterventionView.of(i, List.of(), histories.get(i.id), clock.instant())).toList();
    }

    @POST
    @PersonalData(reads = DataClasses.COACHING_RECORD, writes = DataClasses.COACHING_RECORD)
    @Path("/{id}/acknowledge")
    @Transactional
    @Operation(summary = "Acknowledge an assigned intervention")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class), examples = @ExampleObject(name = "ack", value = InterventionResource.EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not the agent's intervention", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Not assigned or under way", content = @Content(mediaType = "application/problem+json"))
    public InterventionView acknowledge(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        InterventionEntity i = mine(id);
        requireOpen(i);
        if (i.acknowledgedAt == null) {
            i.acknowledgedAt = clock.instant();
            i.updatedAt = i.acknowledgedAt;
        }
        return view(i);
    }

    @Schema(name = "ReflectionRequest")
    public record ReflectionRequest(@NotBlank @Size(max = 2000) @Schema(example = "I rush the end of calls when the queue is long.") String text) {
    }

    @POST
    @PersonalData(reads = DataClasses.COACHING_RECORD, writes = DataClasses.COACHING_RECORD)
    @Path("/{id}/reflection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Write a short reflection (up to 2000 characters)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class), examples = @ExampleObject(name = "reflection", value = InterventionResource.EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Empty or longer than 2000 characters", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not the agent's intervention", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "Card data in the text could not be redacted (governance unavailable); nothing was stored (problem+json naming the field)", content = @Content(mediaType = "application/problem+json"))
    public InterventionView reflection(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id, @NotNull @Valid ReflectionRequest body) {
        String text = freeText.redacted("text", body.text().strip());
        InterventionEntity i = mine(id);
        i.reflection = text;
        i.reflectionAt = clock.instant();
        i.updatedAt = i.reflectionAt;
        return view(i);
    }

    @Schema(name = "GoalProposal")
    public record GoalProposal(@NotBlank @Size(max = 500) @Schema(example = "Read back amount and date before I close a billing dispute") String goal) {
    }

    @POST
    @PersonalData(reads = DataClasses.COACHING_RECORD, writes = DataClasses.COACHING_RECORD)
    @Path("/{id}/goal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Propose my own wording of the goal", description = "The coach or supervisor accepts it "
            + "with POST /api/v1/interventions/{id}/goal.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class), examples = @ExampleObject(name = "proposed", value = InterventionResource.EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Empty or too long", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not the agent's intervention", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "Card data in the text could not be redacted (governance unavailable); nothing was stored (problem+json naming the field)", content = @Content(mediaType = "application/problem+json"))
    public InterventionView goal(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id, @NotNull @Valid GoalProposal body) {
        String goal = freeText.redacted("goal", body.goal().strip());
        InterventionEntity i = mine(id);
        requireOpen(i);
        i.proposedGoal = goal;
        i.updatedAt = clock.instant();
        return view(i);
    }

    @Schema(name = "DisputeRequest")
    public record DisputeRequest(@NotBlank @Size(max = 2000) @Schema(example = "The example calls were transfers from another queue.") String reason) {
    }

    @POST
    @PersonalData(reads = DataClasses.COACHING_RECORD, writes = DataClasses.COACHING_RECORD)
    @Path("/{id}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Dispute the intervention", description = "Recorded on the intervention and shown to the "
            + "supervisors and coaches of the team.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class), examples = @ExampleObject(name = "disputed", value = InterventionResource.EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Empty or too long", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not the agent's intervention", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "Card data in the text could not be redacted (governance unavailable); nothing was stored (problem+json naming the field)", content = @Content(mediaType = "application/problem+json"))
    public InterventionView dispute(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id, @NotNull @Valid DisputeRequest body) {
        String reason = freeText.redacted("reason", body.reason().strip());
        InterventionEntity i = mine(id);
        i.disputeReason = reason;
        i.disputedAt = clock.instant();
        i.updatedAt = i.disputedAt;
        return view(i);
    }

    private Caller self() {
        Caller c = caller.get();
        if (c.agentId() == null) {
            throw ProblemException.forbidden("the token carries no agent_id");
        }
        return c;
    }

    private InterventionEntity mine(String id) {
        Caller c = self();
        InterventionEntity i = interventions.lock(id);
        if (!c.isAgent(i.agentId) || !VISIBLE.contains(i.state)) {
            deniedAudit.denied(c, i.agentId, "WRITE", "coaching-service:me/interventions/" + id);
            throw ProblemException.forbidden("intervention " + id + " is not in your plan");
        }
        return i;
    }

    private static void requireOpen(InterventionEntity i) {
        InterventionState s = InterventionState.valueOf(i.state);
        if (!s.ownerWork()) {
            throw ProblemException.conflict("intervention " + i.id + " is " + s + ": nothing left to acknowledge or agree");
        }
    }

    private InterventionView view(InterventionEntity i) {
        audit.change(caller.get(), i.agentId, "UPDATE", "coaching-service:me/interventions/" + i.id, "agent takes part");
        return InterventionView.of(i, List.of(), HistoryEntity.of(i.id), clock.instant());
    }
}
