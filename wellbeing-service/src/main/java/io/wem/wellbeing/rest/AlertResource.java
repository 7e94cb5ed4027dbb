package io.wem.wellbeing.rest;

import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.common.audit.Audit;
import io.wem.common.contracts.WellbeingAlert;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.AgentScope;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.wellbeing.persistence.AlertEntity;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Wellbeing alerts of a team for WFM planners and the team's supervisors. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@SecurityRequirement(name = "bearer")
public class AlertResource {
    static final Set<String> KINDS = Set.of("RECOVERY_DUE", "RECOVERY_VIOLATION", "MONITORING_CAP", "EMOTIONAL_LOAD",
            "COACHING_PRESSURE", "MONITORING_PROGRAMME");

    @Inject
    CurrentCaller caller;

    @Inject
    Audit audit;

    @GET
    @PersonalData(reads = DataClasses.WELLBEING_METRIC, allAgents = Roles.WFM_PLANNER)
    @Transactional
    @RolesAllowed({Roles.WFM_PLANNER, Roles.SUPERVISOR})
    @Operation(operationId = "listAlerts", summary = "A team's wellbeing alerts, newest first",
            description = "RECOVERY_DUE, RECOVERY_VIOLATION (with the agent's recovery debt), MONITORING_CAP (one "
                    + "agent watched beyond a cap and more than the team's programme explains), MONITORING_PROGRAMME (the "
                    + "team's programme itself takes its agents over a cap: one alert per team and cap per window), "
                    + "EMOTIONAL_LOAD and COACHING_PRESSURE alerts; the same alerts are published to "
                    + "wem.wellbeing.alerts.v1. WFM planners see every team, supervisors their own. Audited.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WellbeingAlert.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
            examples = @ExampleObject(name = "violation", value = "[{\"alertId\":\"4c1d...\",\"agentId\":"
                    + "\"agent-north-01\",\"teamId\":\"team-north\",\"kind\":\"RECOVERY_VIOLATION\",\"severity\":"
                    + "\"HIGH\",\"recoveryDebtMinutes\":10,\"message\":\"A new interaction started at ... although a "
                    + "recovery break of 10 minutes has been due since ...\",\"raisedAt\":\"2026-03-10T12:31:00Z\"}]")))
    @APIResponse(responseCode = "400", description = "Missing teamId or invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Wrong role, or a supervisor of another team")
    public List<WellbeingAlert> alerts(
            @Parameter(required = true, example = "team-north") @QueryParam("teamId") String teamId,
            @Parameter(example = "RECOVERY_VIOLATION") @QueryParam("kind") String kind,
            @Parameter(description = "only alerts raised at or after this instant", example = "2026-03-01T00:00:00Z")
            @QueryParam("since") String since,
            @Parameter(example = "100") @QueryParam("limit") @DefaultValue("100") int limit) {
        if (teamId == null || teamId.isBlank()) {
            throw ProblemException.badRequest("teamId", "must not be blank");
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw ProblemException.badRequest("kind", "must be one of " + KINDS);
        }
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badRequest("limit", "must be between 1 and 1000");
        }
        Instant from;
        try {
            from = since == null ? Instant.EPOCH : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("since", "must be an ISO-8601 instant");
        }
        Caller c = caller.get();
        AgentScope.requireTeam(c, teamId, Set.of(Roles.WFM_PLANNER));
        List<AlertEntity> rows = (kind == null
                ? AlertEntity.<AlertEntity>find("teamId = ?1 and raisedAt >= ?2", Sort.descending("raisedAt"),
                teamId, from)
                : AlertEntity.<AlertEntity>find("teamId = ?1 and raisedAt >= ?2 and kind = ?3",
                Sort.descending("raisedAt"), teamId, from, kind)).page(Page.ofSize(limit)).list();
        Set<String> agents = new LinkedHashSet<>();
        rows.forEach(r -> agents.add(r.agentId));
        agents.forEach(a -> audit.read(c, a, "wellbeing-service:alerts", "wellbeing alerts of team " + teamId));
        return rows.stream().map(AlertEntity::toContract).toList();
    }
}
