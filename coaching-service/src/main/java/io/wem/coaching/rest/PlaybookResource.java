package io.wem.coaching.rest;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.wem.common.openapi.Ids;
import io.wem.common.access.NoPersonalData;
import io.wem.coaching.domain.InterventionState;
import io.wem.coaching.domain.OwnerRole;
import io.wem.coaching.domain.PlaybookDefinition;
import io.wem.coaching.domain.PlaybookEffectiveness;
import io.wem.coaching.domain.SuccessCriterion;
import io.wem.coaching.persistence.InterventionEntity;
import io.wem.coaching.persistence.PlaybookEntity;
import io.wem.coaching.service.PlaybookService;
import io.wem.common.contracts.GapType;
import io.wem.common.privacy.SmallCells;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/v1/playbooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Playbooks", description = "Versioned intervention paths per behavior and gap type")
@SecurityRequirement(name = "bearer")
public class PlaybookResource {

    private static final String EXAMPLE = "{\"id\":\"pb-billing-confirmation-skill\",\"version\":1,"
            + "\"behaviorId\":\"billing-confirmation\",\"gapType\":\"SKILL\",\"title\":\"Confirmation statement before "
            + "closing billing disputes\",\"kind\":\"COACHING_SESSION\",\"ownerRole\":\"coach\",\"deadline\":\"PT24H\","
            + "\"goal\":\"Use a confirmation statement before closing every billing dispute\",\"theme\":\"COMPLIANCE\","
            + "\"learningItems\":[\"Confirmation statement: restate the outcome, the amount and the date\"],"
            + "\"coachingPrompts\":[\"What did the customer believe would happen next?\"],"
            + "\"successCriterion\":{\"metric\":\"confirmation_rate\",\"direction\":\"INCREASE\","
            + "\"relativeImprovement\":null,\"absoluteTarget\":0.9,\"followUpWindow\":\"P7D\"},"
            + "\"followUpAssessment\":\"Coach samples ten billing disputes\",\"changedBy\":\"migration\","
            + "\"changeNote\":\"shipped playbook\",\"changedAt\":\"2026-11-25T10:00:00Z\"}";

    @Inject
    PlaybookService playbooks;

    @Inject
    CurrentCaller caller;

    @GET
    @NoPersonalData
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST, Roles.WFM_PLANNER, Roles.PROCESS_OWNER,
            Roles.PLATFORM_ADMIN, Roles.AGENT, Roles.CISO})
    @Operation(summary = "List playbooks (current versions)",
            description = "Every behavior × gap type has one playbook; 28 ship for the built-in behaviors.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlaybookView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
            examples = @ExampleObject(name = "one", value = "[" + EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "No suite role")
    public List<PlaybookView> list(@Parameter(example = "billing-confirmation") @QueryParam("behaviorId") String behaviorId,
                                   @Parameter(example = "SKILL") @QueryParam("gapType") GapType gapType) {
        return playbooks.list(behaviorId, gapType).stream().map(PlaybookView::of).toList();
    }

    @GET
    @NoPersonalData
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST, Roles.WFM_PLANNER, Roles.PROCESS_OWNER,
            Roles.PLATFORM_ADMIN, Roles.AGENT, Roles.CISO})
    @Operation(summary = "A playbook's current version")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlaybookView.class), examples = @ExampleObject(name = "playbook", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such playbook", content = @Content(mediaType = "application/problem+json"))
    public PlaybookView get(@Parameter(example = "pb-billing-confirmation-skill") @PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        return PlaybookView.of(playbooks.get(id));
    }

    @GET
    @NoPersonalData
    @Path("/{id}/versions")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST, Roles.WFM_PLANNER, Roles.PROCESS_OWNER,
            Roles.PLATFORM_ADMIN, Roles.AGENT, Roles.CISO})
    @Transactional
    @Operation(summary = "Every version of a playbook, oldest first")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlaybookView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
            examples = @ExampleObject(name = "versions", value = "[" + EXAMPLE + "]")))
    @APIResponse(responseCode = "404", description = "No such playbook", content = @Content(mediaType = "application/problem+json"))
    public List<PlaybookView> versions(@Parameter(example = "pb-billing-confirmation-skill") @PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        PlaybookEntity p = playbooks.get(id).playbook();
        return playbooks.history(id).stream().map(v -> PlaybookView.of(id, v, PlaybookService.definition(p, v))).toList();
    }

    @POST
    @NoPersonalData
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COACH, Roles.QA_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Create a playbook for a behavior and gap type (version 1)",
            description = "For custom behaviors; the built-in ones exist already (409). PROCESS/CAPACITY playbooks "
                    + "must be team-level (PROCESS_FIX, KNOWLEDGE_ARTICLE_UPDATE, SCHEDULE_ADJUSTMENT; process-owner or "
                    + "wfm-planner), SKILL/MOTIVATION ones agent-level (supervisor, coach or trainer).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlaybookView.class), examples = @ExampleObject(name = "created", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field (named in errors[].field)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "A playbook for this behavior and gap type exists", content = @Content(mediaType = "application/problem+json"))
    public Response create(@NotNull @Valid PlaybookRequest request) {
        PlaybookService.Current c = playbooks.create(toDefinition(request), caller.get().actor(), request.changeNote());
        return Response.created(URI.create("/api/v1/playbooks/" + c.playbook().id)).entity(PlaybookView.of(c)).build();
    }

    @PUT
    @NoPersonalData
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COACH, Roles.QA_ANALYST, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Change a playbook: adds a new version",
            description = "Open interventions keep the version they were created from; new gaps use the new one.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlaybookView.class), examples = @ExampleObject(name = "v2", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such playbook", content = @Content(mediaType = "application/problem+json"))
    public PlaybookView update(@Parameter(example = "pb-billing-confirmation-skill") @PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id,
                               @NotNull @Valid PlaybookRequest request) {
        return PlaybookView.of(playbooks.update(id, toDefinition(request), caller.get().actor(), request.changeNote()));
    }

    @Schema(name = "PlaybookEffectiveness", description = "Outcomes of a playbook's interventions (all versions). "
            + "successRate is the share of evaluated interventions closed effective (inconclusive ones included in "
            + "the denominator) with a 95 % Wilson interval; meanEffect is the mean net improvement (fraction of the "
            + "before value, positive = better, comparison group's change removed) with a 95 % t-interval. Both are "
            + "null, and so are closedEffective and closedInconclusive (suppressed = true), when the evaluated "
            + "interventions concern fewer than " + SmallCells.MIN_GROUP + " distinct agents; the median time to "
            + "first coaching likewise.")
    public record EffectivenessView(@Schema(example = "pb-billing-confirmation-skill") String playbookId,
                                    @Schema(example = "12") int interventions, @Schema(example = "8") int closed,
                                    @Schema(example = "5") Integer closedEffective,
                                    @Schema(example = "2") Integer closedInconclusive,
                                    @Schema(example = "0.625") Double successRate,
                                    @Schema(example = "0.31") Double successRateCiLow,
                                    @Schema(example = "0.86") Double successRateCiHigh,
                                    @Schema(example = "0.18") Double meanEffect, @Schema(example = "0.07") Double meanEffectCiLow,
                                    @Schema(example = "0.29") Double meanEffectCiHigh, @Schema(example = "8") int measured,
                                    @Schema(example = "false") boolean suppressed,
                                    @Schema(example = "20.5") Double medianHoursGapToFirstCoaching,
                                    @Schema(example = "10") int started) {
    }

    @GET
    @NoPersonalData
    @Path("/{id}/effectiveness")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST, Roles.WFM_PLANNER, Roles.PROCESS_OWNER,
            Roles.PLATFORM_ADMIN})
    @Transactional
    @Operation(summary = "Does this playbook change behavior?",
            description = "Counts, success rate among evaluated closures and mean net effect, each with a 95 % "
                    + "interval and suppressed below a minimum group size, and median "
                    + "time from gap detection to first coaching. Aggregates only, no personal data.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EffectivenessView.class), examples = @ExampleObject(name = "report", value =
            "{\"playbookId\":\"pb-billing-confirmation-skill\",\"interventions\":12,\"closed\":8,\"closedEffective\":5,"
                    + "\"closedInconclusive\":2,\"successRate\":0.625,\"successRateCiLow\":0.31,"
                    + "\"successRateCiHigh\":0.86,\"meanEffect\":0.18,\"meanEffectCiLow\":0.07,\"meanEffectCiHigh\":0.29,"
                    + "\"measured\":8,\"suppressed\":false,\"medianHoursGapToFirstCoaching\":20.5,\"started\":10}")))
    @APIResponse(responseCode = "404", description = "No such playbook", content = @Content(mediaType = "application/problem+json"))
    public EffectivenessView effectiveness(@Parameter(example = "pb-billing-confirmation-skill") @PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        playbooks.get(id);
        List<InterventionEntity> all = InterventionEntity.list("playbookId", id);
        PlaybookEffectiveness.Report r = PlaybookEffectiveness.compute(all.stream()
                .map(i -> new PlaybookEffectiveness.Row(i.agentId, InterventionState.valueOf(i.state), i.evalNetImprovement,
                        i.gapDetectedAt, i.firstCoachingAt)).toList());
        return new EffectivenessView(id, r.interventions(), r.closed(), r.effective(), r.inconclusive(),
                r.successRate(), r.successRateCiLow(), r.successRateCiHigh(), r.meanEffect(), r.effectCiLow(),
                r.effectCiHigh(), r.measured(), r.suppressed(), r.medianHoursToFirstCoaching(), r.started());
    }

    static PlaybookDefinition toDefinition(PlaybookRequest r) {
        OwnerRole owner = OwnerRole.fromKey(r.ownerRole()).orElseThrow(() -> ProblemException.badRequest("ownerRole",
                "must be one of supervisor, coach, trainer, process-owner, wfm-planner"));
        PlaybookRequest.SuccessCriterionDto c = r.successCriterion();
        return new PlaybookDefinition(r.behaviorId(), r.gapType(), r.title(), r.kind(), owner,
                duration("deadline", r.deadline()), r.goal(), r.theme(), r.learningItems(), r.coachingPrompts(),
                new SuccessCriterion(c.metric(), c.direction(), c.relativeImprovement(), c.absoluteTarget(),
                        duration("successCriterion.followUpWindow", c.followUpWindow())), r.followUpAssessment());
    }

    static Duration duration(String field, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 duration such as PT24H or P7D");
        }
    }
}
