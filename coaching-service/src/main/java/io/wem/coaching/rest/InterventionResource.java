package io.wem.coaching.rest;

import jakarta.validation.constraints.Pattern;
import io.wem.common.openapi.Ids;
import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.coaching.domain.InterventionAccess;
import io.wem.coaching.domain.InterventionState;
import io.wem.coaching.persistence.InterventionEntity;
import io.wem.coaching.service.EvaluationService;
import io.wem.coaching.service.InterventionService;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interventions", description = "Owned, deadlined work made from behavior gaps")
@SecurityRequirement(name = "bearer")
public class InterventionResource {

    static final String EXAMPLE = "{\"id\":\"0b6c1f0e-3f7a-4a55-9b1e-2f4b7f0d9a11\",\"gapId\":\"gap-7f3a\","
            + "\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\",\"behaviorId\":\"billing-confirmation\","
            + "\"gapType\":\"SKILL\",\"playbookId\":\"pb-billing-confirmation-skill\",\"playbookVersion\":1,"
            + "\"kind\":\"COACHING_SESSION\",\"ownerRole\":\"coach\",\"ownerKey\":\"coach:team-north\","
            + "\"goal\":\"Use a confirmation statement before closing every billing dispute\",\"state\":\"ASSIGNED\","
            + "\"priority\":72,\"priorityBand\":\"P2\",\"deadline\":\"2026-11-26T10:00:00Z\",\"overdue\":false,"
            + "\"evidenceInteractionIds\":[\"int-1\",\"int-2\",\"int-3\"]}";

    @Inject
    InterventionService interventions;

    /** Free text people type is redacted by governance before it is stored, or refused (503). */
    @Inject
    io.wem.common.redaction.FreeText freeText;

    @Inject
    EvaluationService evaluations;

    @Inject
    InterventionReader reader;

    @Inject
    CurrentCaller caller;

    @Inject
    io.wem.coaching.service.OwnerService owners;

    @Inject
    io.wem.common.audit.Audit audit;

    @GET
    @PersonalData(reads = DataClasses.COACHING_RECORD, allAgents = {Roles.PROCESS_OWNER, Roles.WFM_PLANNER})
    @Path("/interventions")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH, Roles.PROCESS_OWNER, Roles.WFM_PLANNER})
    @Transactional
    @Operation(summary = "Interventions the caller may work, highest priority first",
            description = "Supervisors and coaches: their teams (teamId must be one of them). Process owners: process "
                    + "fixes of any team. WFM planners: capacity adjustments of any team.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "list", value = "[" + EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Wrong role, or a team the caller does not belong to",
            content = @Content(mediaType = "application/problem+json"))
    public List<InterventionView> list(@Parameter(example = "team-north") @QueryParam("teamId") String teamId,
                                       @Parameter(example = "ASSIGNED") @QueryParam("state") InterventionState state,
                                       @Parameter(description = "a person, or UNASSIGNED for the fallback queues",
                                               example = "UNASSIGNED") @QueryParam("owner") String owner) {
        Caller c = caller.get();
        boolean teamRole = c.hasAnyRole(Roles.SUPERVISOR, Roles.COACH);
        boolean process = c.hasRole(Roles.PROCESS_OWNER);
        boolean capacity = c.hasRole(Roles.WFM_PLANNER);
        if (teamId != null && !(teamRole && c.memberOf(teamId)) && !process && !capacity) {
            throw ProblemException.forbidden("not allowed to see interventions of team " + teamId);
        }
        List<String> scopes = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (teamRole && !c.teams().isEmpty()) {
            scopes.add("teamId in :teams");
            p.put("teams", List.copyOf(c.teams()));
        }
        if (c.username() != null) {
            scopes.add("ownerPerson = :me");
            p.put("me", c.username());
        }
        if (process) {
            scopes.add("(agentId is null and gapType = 'PROCESS')");
        }
        if (capacity) {
            scopes.add("(agentId is null and gapType = 'CAPACITY')");
        }
        if (scopes.isEmpty()) {
            return List.of();
        }
        StringBuilder q = new StringBuilder("(" + String.join(" or ", scopes) + ")");
        if (teamId != null) {
            q.append(" and teamId = :team");
            p.put("team", teamId);
        }
        if (owner != null && owner.equals(io.wem.coaching.domain.OwnerResolution.UNASSIGNED)) {
            q.append(" and ownerPerson is null");
        } else if (owner != null) {
            q.append(" and ownerPerson = :owner");
            p.put("owner", owner);
        }
        if (state != null) {
            q.append(" and state = :state");
            p.put("state", state.name());
        }
        q.append(" order by priority desc, deadline asc nulls last, createdAt");
        List<InterventionEntity> list = InterventionEntity.<InterventionEntity>find(q.toString(), p).page(0, 500).list();
        return reader.summaries(c, list, "work the intervention backlog");
    }

    @GET
    @PersonalData(reads = DataClasses.COACHING_RECORD, allAgents = {Roles.PROCESS_OWNER, Roles.WFM_PLANNER})
    @Path("/interventions/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH, Roles.PROCESS_OWNER, Roles.WFM_PLANNER, Roles.CISO,
            Roles.PLATFORM_ADMIN, Roles.QA_ANALYST})
    @Transactional
    @Operation(summary = "One intervention with history and coaching notes",
            description = "Team-scoped: supervisors/coaches of the agent's team; process owner / WFM planner for "
                    + "team-level work. Other roles (ciso, platform-admin, qa-analyst) are refused: coaching notes "
                    + "and reflections are not theirs to read. Every read is audited.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class), examples = @ExampleObject(name = "one", value = EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not in scope", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such intervention", content = @Content(mediaType = "application/problem+json"))
    public InterventionView get(@Parameter(example = "0b6c1f0e-3f7a-4a55-9b1e-2f4b7f0d9a11") @PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        Caller c = caller.get();
        return reader.full(c, reader.readable(c, id), "work the intervention");
    }

    @Schema(name = "TransitionRequest")
    public record TransitionRequest(@jakarta.validation.constraints.NotBlank @Schema(example = "IN_PROGRESS",
            enumeration = {"SCHEDULED", "IN_PROGRESS", "COMPLETED", "CANCELLED"}) String to,
                                    @Size(max = 2000) @Schema(example = "Session held, two example calls replayed") String note) {
    }

    @POST
    @PersonalData(reads = DataClasses.COACHING_RECORD, writes = DataClasses.COACHING_RECORD, allAgents = {Roles.PROCESS_OWNER, Roles.WFM_PLANNER})
    @Path("/interventions/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH, Roles.PROCESS_OWNER, Roles.WFM_PLANNER})
    @Transactional
    @Operation(summary = "Move an intervention (owner only)",
            description = "Owners may move ASSIGNED→SCHEDULED|IN_PROGRESS|CANCELLED, SCHEDULED→IN_PROGRESS|CANCELLED, "
                    + "IN_PROGRESS→COMPLETED|CANCELLED (COMPLETED moves on to FOLLOW_UP by itself). Everything else is "
                    + "done by the service (guardrail, review, evaluation) and answers 409 naming from and to.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class), examples = @ExampleObject(name = "moved", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not the owner (role or team)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "illegal", value = "{\"type\":\"https://wem.io/problems/illegal-transition\","
                    + "\"title\":\"Illegal transition\",\"status\":409,\"detail\":\"illegal transition AWAITING_GUARDRAIL -> "
                    + "ASSIGNED: this transition is made by coaching-service itself\"}")))
    @APIResponse(responseCode = "503", description = "Card data in the text could not be redacted (governance unavailable); nothing was stored (problem+json naming the field)", content = @Content(mediaType = "application/problem+json"))
    public InterventionView transition(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id, @NotNull @Valid TransitionRequest body) {
        Caller c = caller.get();
        String note = freeText.redacted("note", body.note());
        InterventionEntity i = interventions.lock(id);
        if (!InterventionAccess.canAct(c, InterventionReader.target(i))) {
            throw ProblemException.forbidden("only the owner (" + i.ownerRole + " of " + i.teamId + ") moves intervention " + id);
        }
        InterventionState to;
        try {
            to = InterventionState.valueOf(body.to());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("to", "unknown state " + body.to());
        }
        interventions.requestTransition(id, to, c.actor(), note);
        return reader.full(c, i, "record coaching progress");
    }

    @Schema(name = "OwnerRequest")
    public record OwnerRequest(@NotNull @Size(min = 1, max = 128) @Schema(example = "coach2") String owner,
                               @Size(max = 2000) @Schema(example = "coach1 is on leave") String reason) {
    }

    @POST
    @PersonalData(reads = DataClasses.COACHING_RECORD, writes = DataClasses.COACHING_RECORD)
    @Path("/interventions/{id}/owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.PLATFORM_ADMIN})
    @Transactional
    @Operation(operationId = "reassignIntervention", summary = "Hand an intervention to another person",
            description = "A supervisor of the intervention's team (per the directory) or a platform admin names a new "
                    + "owner, who must hold the intervention's owner role for the team (or be the agent's coach) in "
                    + "the directory now. Written to the history and the audit log.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class)))
    @APIResponse(responseCode = "400", description = "No owner, or not a holder of the owner role",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a supervisor of the team", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "Unknown intervention", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The intervention is closed", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "The directory did not answer, or card data in the reason could not be redacted; nothing was changed", content = @Content(mediaType = "application/problem+json"))
    public InterventionView reassign(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id, @NotNull @Valid OwnerRequest body) {
        Caller c = caller.get();
        String reason = freeText.redacted("reason", body.reason());
        InterventionEntity i = interventions.lock(id);
        if (!InterventionAccess.canReassign(c, InterventionReader.target(i))) {
            throw ProblemException.forbidden("only a supervisor of team " + i.teamId + " reassigns intervention " + id);
        }
        owners.reassign(i, body.owner(), c.actor(), reason);
        audit.change(c, i.agentId, "REASSIGN", "coaching-service:intervention/" + id, "owner -> " + body.owner());
        return reader.full(c, i, "reassign the owner");
    }

    @Schema(name = "ReviewRequest")
    public record ReviewRequest(@NotNull @Schema(example = "APPROVE") Decision decision,
                                @Size(max = 2000) @Schema(example = "Agent returns from leave on Monday; fine to coach") String note) {
        public enum Decision { APPROVE, REJECT }
    }

    @POST
    @PersonalData(reads = DataClasses.COACHING_RECORD, writes = DataClasses.COACHING_RECORD)
    @Path("/interventions/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH})
    @Transactional
    @Operation(summary = "Human review of a guardrail's REQUIRE_HUMAN_REVIEW",
            description = "APPROVE assigns the intervention, REJECT cancels it. Only for AWAITING_REVIEW (else 409).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class), examples = @ExampleObject(name = "approved", value = EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not a supervisor/coach of the agent's team", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Not awaiting review", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "Card data in the text could not be redacted (governance unavailable); nothing was stored (problem+json naming the field)", content = @Content(mediaType = "application/problem+json"))
    public InterventionView review(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id, @NotNull @Valid ReviewRequest body) {
        Caller c = caller.get();
        String note = freeText.redacted("note", body.note());
        InterventionEntity i = interventions.lock(id);
        if (!InterventionAccess.canReview(c, InterventionReader.target(i))) {
            throw ProblemException.forbidden("not allowed to review intervention " + id);
        }
        interventions.review(id, body.decision() == ReviewRequest.Decision.APPROVE, c.actor(), note);
        return reader.full(c, i, "human review of a guardrail decision");
    }

    @Schema(name = "GoalRequest")
    public record GoalRequest(@Size(max = 500) @Schema(example = "Confirm amount and date before closing every billing dispute",
            description = "Omit to accept the agent's proposed wording as it is") String goal) {
    }

    @POST
    @PersonalData(reads = DataClasses.COACHING_RECORD, writes = DataClasses.COACHING_RECORD)
    @Path("/interventions/{id}/goal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH})
    @Transactional
    @Operation(summary = "Agree the goal wording with the agent",
            description = "Sets the goal to the given wording, or to the agent's proposal when goal is omitted.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class), examples = @ExampleObject(name = "goal", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No wording given and none proposed", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not a supervisor/coach of the agent's team", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "Card data in the text could not be redacted (governance unavailable); nothing was stored (problem+json naming the field)", content = @Content(mediaType = "application/problem+json"))
    public InterventionView goal(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id, @NotNull @Valid GoalRequest body) {
        Caller c = caller.get();
        String given = freeText.redacted("goal", body.goal());
        InterventionEntity i = interventions.lock(id);
        if (!InterventionAccess.canReview(c, InterventionReader.target(i))) {
            throw ProblemException.forbidden("not allowed to change the goal of intervention " + id);
        }
        String wording = given != null && !given.isBlank() ? given : i.proposedGoal;
        if (wording == null || wording.isBlank()) {
            throw ProblemException.badRequest("goal", "give the wording, or wait for the agent's proposal");
        }
        i.goal = wording.strip();
        i.proposedGoal = null;
        i.updatedAt = java.time.Instant.now();
        return reader.full(c, i, "agree the coaching goal");
    }

    @POST
    @PersonalData(reads = DataClasses.COACHING_RECORD, writes = DataClasses.COACHING_RECORD, allAgents = Roles.PLATFORM_ADMIN)
    @Path("/interventions/{id}/evaluate")
    @RolesAllowed({Roles.COACH, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Run the follow-up evaluation now",
            description = "The scheduler does this when the follow-up window is over; this runs it at once. Fetches "
                    + "measurements from signal-service, compares with the comparison group and closes the "
                    + "intervention CLOSED_EFFECTIVE, CLOSED_INEFFECTIVE or CLOSED_INCONCLUSIVE with the figures and "
                    + "their 95 % interval.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class), examples = @ExampleObject(name = "closed", value = EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not a coach of the team nor platform-admin", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Not in FOLLOW_UP", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "Measurements unavailable; try later", content = @Content(mediaType = "application/problem+json"))
    public InterventionView evaluate(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id,
            @Parameter(description = "Replay window start (platform-admin only): for behavior data replayed after the "
                    + "fact, the 'after' measurement covers [afterFrom, afterTo) instead of first coaching → now. "
                    + "Must not start before the gap window ends.", example = "2026-11-18T00:00:00Z")
            @QueryParam("afterFrom") String afterFrom,
            @Parameter(description = "Replay window end (platform-admin only); not in the future.",
                    example = "2026-11-25T00:00:00Z") @QueryParam("afterTo") String afterTo) {
        Caller c = caller.get();
        InterventionEntity i = interventions.get(id);
        if (!InterventionAccess.canEvaluate(c, InterventionReader.target(i))) {
            throw ProblemException.forbidden("not allowed to evaluate intervention " + id);
        }
        EvaluationService.AfterWindow replay = null;
        if (afterFrom != null || afterTo != null) {
            if (!c.hasRole(Roles.PLATFORM_ADMIN)) {
                throw ProblemException.forbidden("only platform-admin may set a replay window");
            }
            replay = new EvaluationService.AfterWindow(instant("afterFrom", afterFrom), instant("afterTo", afterTo));
        }
        evaluations.evaluate(id, c.actor(), replay);
        return afterEvaluation(c, id);
    }

    private static java.time.Instant instant(String field, String value) {
        if (value == null) {
            throw ProblemException.badRequest(field, "give both afterFrom and afterTo");
        }
        try {
            return java.time.Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(field, "not an ISO-8601 instant, e.g. 2026-11-18T00:00:00Z");
        }
    }

    InterventionView afterEvaluation(Caller c, String id) {
        InterventionEntity i = interventions.get(id);
        // platform-admin runs the evaluation but reads no notes: it gets the figures without the history.
        if (!io.wem.coaching.domain.InterventionAccess.canRead(c, InterventionReader.target(i))) {
            return InterventionView.of(i, List.of(), null, java.time.Instant.now(), false);
        }
        return reader.full(c, i, "follow-up evaluation");
    }
}
