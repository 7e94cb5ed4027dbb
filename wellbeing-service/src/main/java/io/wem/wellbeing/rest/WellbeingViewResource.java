package io.wem.wellbeing.rest;

import io.wem.common.problem.Problem;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.wem.common.openapi.Ids;
import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.wellbeing.service.WellbeingViewService;
import io.wem.wellbeing.service.WellbeingViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Wellbeing figures: an agent's own, and a team's (aggregates under k-anonymity). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wellbeing views")
@SecurityRequirement(name = "bearer")
public class WellbeingViewResource {

    @Inject
    CurrentCaller caller;

    @Inject
    WellbeingViewService views;

    @GET
    @PersonalData(reads = DataClasses.WELLBEING_METRIC)
    @Path("/me/wellbeing")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "My monitoring intensity, recovery and load",
            description = "The calling agent's intensity index per kind against the team's caps, recovery debt, "
                    + "share of difficult interactions (with the team's share when the team has at least 5 agents) "
                    + "and coaching mix. Audited.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WellbeingViews.MyWellbeing.class), examples = @ExampleObject(
            name = "agent", value = "{\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\",\"intensity\":"
            + "{\"windowDays\":7,\"index\":5.0,\"indexCap\":12.0,\"kinds\":[{\"kind\":\"QA_EVALUATION\",\"count\":2,"
            + "\"cap\":4,\"weight\":1.0},{\"kind\":\"LIVE_MONITORING\",\"count\":1,\"cap\":2,\"weight\":3.0}]},"
            + "\"recovery\":{\"breakDue\":false,\"dueSince\":null,\"recoveryDebtMinutes\":0,\"difficultStreak\":2},"
            + "\"load\":{\"windowDays\":28,\"interactions\":240,\"difficult\":41,\"difficultShare\":0.17,"
            + "\"teamDifficultShare\":0.12},\"coaching\":{\"pressureSessions\":1,\"supportSessions\":2,"
            + "\"pressureShare\":0.33,\"pressurePattern\":false}}")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an agent (or no agent_id in the token)")
    public WellbeingViews.MyWellbeing mine() {
        return views.mine(caller.get());
    }

    @GET
    @PersonalData(reads = DataClasses.WELLBEING_METRIC)
    @Path("/teams/{teamId}/wellbeing")
    @RolesAllowed({Roles.SUPERVISOR, Roles.WFM_PLANNER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A team's wellbeing",
            description = "Aggregates including the watched-versus-supported ratio (monitoring facts versus "
                    + "development coaching and recognition). Aggregates are withheld for teams under 5 agents "
                    + "(`withheld: true`). Per-agent rows only for supervisors of the team. Supervisors see their own "
                    + "teams; WFM planners and platform admins every team. Audited.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WellbeingViews.TeamWellbeing.class), examples = {
            @ExampleObject(name = "withheld", value = "{\"teamId\":\"team-tiny\",\"withheld\":true,\"reason\":"
                    + "\"fewer than 5 agents\",\"aggregates\":null,\"agents\":null}"),
            @ExampleObject(name = "aggregates", value = "{\"teamId\":\"team-north\",\"withheld\":false,\"reason\":null,"
                    + "\"aggregates\":{\"agentCount\":12,\"windowDays\":7,\"averageIntensityIndex\":4.2,"
                    + "\"agentsAtCap\":1,\"watchedEvents\":48,\"supportedEvents\":16,\"watchedToSupportedRatio\":3.0,"
                    + "\"difficultShare\":0.14,\"hardQueues\":[\"retentions\"],\"strongPerformersOnHardQueues\":1,"
                    + "\"coaching\":{\"pressureSessions\":9,\"supportSessions\":16,\"pressureShare\":0.36,"
                    + "\"pressurePattern\":false},\"agentsWithCoachingPressure\":1,\"alertsByKind\":"
                    + "{\"RECOVERY_VIOLATION\":3}},\"agents\":null}")}))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Wrong role, or a supervisor of another team")
    @APIResponse(responseCode = "404", description = "The directory has no such team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WellbeingViews.TeamWellbeing team(@Parameter(example = "team-north") @PathParam("teamId") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String teamId) {
        return views.team(teamId, caller.get());
    }
}
