package io.wem.wellbeing.rest;

import io.wem.common.openapi.Ids;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.wem.common.access.NoPersonalData;
import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.common.contracts.GuardrailDecision;
import io.wem.common.contracts.GuardrailEvaluationRequest;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.AllowedClients;
import io.wem.common.security.Roles;
import io.wem.wellbeing.domain.GuardrailPolicy;
import io.wem.wellbeing.service.GuardrailService;
import io.wem.wellbeing.service.PolicyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** The guardrail evaluation coaching-service calls before it assigns anything to an agent, and team policies. */
@Path("/api/v1/guardrails")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Guardrails")
@SecurityRequirement(name = "bearer")
public class GuardrailResource {

    static final String DECISION_EXAMPLE = "{\"decisionId\":\"0b6f2c9e-6a51-4a8e-9d43-1f0f1f4b8c11\","
            + "\"agentId\":\"agent-north-01\",\"actionKind\":\"QA_EVALUATION\",\"decision\":\"DEFER\","
            + "\"earliestAt\":\"2026-03-16T09:00:00Z\",\"reasons\":[\"The agent already had 4 QA evaluations in the "
            + "last 7 days, the team's cap is 4.\"],\"intensityIndex\":9.5,\"decidedAt\":\"2026-03-10T12:30:00Z\"}";
    static final String POLICY_EXAMPLE = "{\"windowDays\":7,\"weights\":{\"LIVE_MONITORING\":3.0,"
            + "\"SCREEN_RECORDING_REVIEW\":2.0,\"PERFORMANCE_PLAN\":2.0,\"QA_EVALUATION\":1.0,\"ADHERENCE_ALERT\":0.5,"
            + "\"AUTOMATED_SCORE\":0.25},\"kindCaps\":{\"LIVE_MONITORING\":2,\"QA_EVALUATION\":4},\"indexCap\":12.0,"
            + "\"forbiddenActions\":[\"LIVE_MONITORING\"],\"humanReviewForAutomated\":[\"PERFORMANCE_PLAN\","
            + "\"AUTOMATED_SCORE\"],\"coachingPressureMax\":2,\"recovery\":{\"difficultStreak\":5,\"breakMinutes\":10,"
            + "\"complaintReasons\":[\"complaint\"],\"difficultSentiment\":-0.5,\"severeSentiment\":-0.8,"
            + "\"longInteractionMinutes\":20},\"balance\":{\"pressureShareThreshold\":0.6,\"minSessions\":3},"
            + "\"load\":{\"windowDays\":28,\"hardQueueFactor\":1.5,\"disproportionFactor\":1.5,"
            + "\"strongPerformerPercentile\":0.75,\"minInteractions\":10,\"minScoredAgents\":4}}";

    @Inject
    CurrentCaller caller;

    @Inject
    GuardrailService guardrails;

    @Inject
    PolicyService policies;

    @Schema(name = "TeamPolicy", description = "A team's effective guardrail policy.")
    public record TeamPolicyView(
            @Schema(example = "team-north") String teamId,
            @Schema(description = "TEAM when the team has its own policy, DEFAULT otherwise", example = "TEAM")
            String source,
            @Schema(example = "admin1") String updatedBy,
            Instant updatedAt,
            GuardrailPolicy policy) {

        static TeamPolicyView of(PolicyService.Effective e) {
            return new TeamPolicyView(e.teamId(), e.source(), e.updatedBy(), e.updatedAt(), e.policy());
        }
    }

    @POST
    @PersonalData(reads = {DataClasses.GUARDRAIL_DECISION, DataClasses.WELLBEING_METRIC}, writes = DataClasses.GUARDRAIL_DECISION, teamRoles = Roles.PLATFORM_ADMIN)
    @Path("/evaluations")
    @RolesAllowed({Roles.SVC_GUARDRAIL, Roles.SUPERVISOR, Roles.PLATFORM_ADMIN})
    @AllowedClients(value = "coaching-service", roles = Roles.SVC_GUARDRAIL)
    @Operation(summary = "Ask whether an action on an agent may happen now",
            description = "ALLOW, DEFER (with earliestAt), REQUIRE_HUMAN_REVIEW (an item is queued for the team's "
                    + "supervisors; ask again with the same reference to learn the verdict) or DENY, with one "
                    + "human-readable reason per rule that fired. Every decision is stored and audited; an allowed "
                    + "action counts toward the agent's monitoring intensity at once (a later MonitoringEvent with "
                    + "the same reference is not counted twice). Service account role svc-guardrail may ask about "
                    + "any agent; supervisors and platform admins only about agents of their teams.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "qa",
            value = "{\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\",\"actionKind\":\"QA_EVALUATION\","
                    + "\"requester\":\"coaching-service\",\"automated\":false,\"theme\":null,"
                    + "\"reference\":\"int-42\"}")))
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GuardrailDecision.class),
                    examples = @ExampleObject(name = "deferred", value = DECISION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid request; `errors` names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Wrong role, or the agent is not in the caller's teams")
    public GuardrailDecision evaluate(@Valid @NotNull GuardrailEvaluationRequest request) {
        return guardrails.evaluate(request, caller.get());
    }

    @GET
    @NoPersonalData
    @Path("/policies/{teamId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "A team's effective guardrail policy",
            description = "The team's own policy, or the default (source DEFAULT). Platform admins see every team; "
                    + "supervisors the teams they belong to.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TeamPolicyView.class), examples = @ExampleObject(name = "team",
            value = "{\"teamId\":\"team-north\",\"source\":\"TEAM\",\"updatedBy\":\"admin1\","
                    + "\"updatedAt\":\"2026-03-01T10:00:00Z\",\"policy\":" + POLICY_EXAMPLE + "}")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Wrong role, or a supervisor of another team")
    @APIResponse(responseCode = "404", description = "The directory has no such team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamPolicyView policy(@Parameter(example = "team-north") @PathParam("teamId") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String teamId) {
        Caller c = caller.get();
        if (!c.hasRole(Roles.PLATFORM_ADMIN) && !c.memberOf(teamId)) {
            throw ProblemException.forbidden("not allowed to see the policy of team " + teamId);
        }
        return TeamPolicyView.of(policies.effectiveOfKnownTeam(teamId));
    }

    @PUT
    @NoPersonalData
    @Path("/policies/{teamId}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Replace a team's guardrail policy",
            description = "Fields left out take the documented defaults (docs/wellbeing.md). Invalid values are "
                    + "refused with 400 naming each field. The change is audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GuardrailPolicy.class),
            examples = @ExampleObject(name = "no live monitoring", value = "{\"forbiddenActions\":[\"LIVE_MONITORING\"],"
                    + "\"kindCaps\":{\"QA_EVALUATION\":3}}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TeamPolicyView.class), examples = @ExampleObject(name = "team",
            value = "{\"teamId\":\"team-north\",\"source\":\"TEAM\",\"updatedBy\":\"admin1\","
                    + "\"updatedAt\":\"2026-03-01T10:00:00Z\",\"policy\":" + POLICY_EXAMPLE + "}")))
    @APIResponse(responseCode = "400", description = "Invalid policy; `errors` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a platform admin")
    @APIResponse(responseCode = "404", description = "The directory has no such team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamPolicyView putPolicy(@Parameter(example = "team-north") @PathParam("teamId") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String teamId,
                                    @Valid GuardrailPolicy policy) {
        return TeamPolicyView.of(policies.put(teamId, policy, caller.get()));
    }
}
