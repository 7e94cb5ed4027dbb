package io.wem.signal.rest;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.wem.common.openapi.Ids;
import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.common.audit.Audit;
import io.wem.common.contracts.MeasurementSeries;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.AgentScope;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.AllowedClients;
import io.wem.common.security.Roles;
import io.wem.signal.domain.Behavior;
import io.wem.signal.persistence.AgentDirectory;
import io.wem.signal.persistence.BehaviorRepository;
import io.wem.signal.service.ViewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** An agent's behaviors against the team, and measurement series for outcome tracking. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agent behaviors")
@SecurityRequirement(name = "bearer")
public class AgentBehaviorResource {
    static final String TRENDS = "[{\"behaviorId\":\"acw-habits\",\"name\":\"After-call work habits\","
            + "\"metric\":\"acw_seconds\",\"direction\":\"HIGHER_IS_WORSE\",\"windowStart\":\"2026-11-11T09:00:00Z\","
            + "\"windowEnd\":\"2026-11-25T09:00:00Z\",\"value\":128.4,\"sampleSize\":41,\"teamMedian\":61.0,"
            + "\"status\":\"GAP\",\"openGap\":{\"gapId\":\"6f1c...\",\"gapType\":\"SKILL\",\"causeExplanation\":"
            + "\"Specific to this agent ...\",\"detectedAt\":\"2026-11-25T08:59:58Z\"},\"daily\":[{\"agentId\":"
            + "\"agent-north-01\",\"teamId\":\"team-north\",\"behaviorId\":\"acw-habits\",\"metric\":\"acw_seconds\","
            + "\"periodStart\":\"2026-11-24T00:00:00Z\",\"periodEnd\":\"2026-11-25T00:00:00Z\",\"value\":131.0,"
            + "\"sampleSize\":6,\"teamValue\":63.5,\"teamSampleSize\":48}]}]";
    static final String SERIES = "{\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\",\"behaviorId\":"
            + "\"acw-habits\",\"metric\":\"acw_seconds\",\"from\":\"2026-11-20T00:00:00Z\",\"to\":"
            + "\"2026-11-22T00:00:00Z\",\"daily\":[{\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\","
            + "\"behaviorId\":\"acw-habits\",\"metric\":\"acw_seconds\",\"periodStart\":\"2026-11-20T00:00:00Z\","
            + "\"periodEnd\":\"2026-11-21T00:00:00Z\",\"value\":120.5,\"sampleSize\":8,\"teamValue\":64.0,"
            + "\"teamSampleSize\":61}],\"total\":{\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\","
            + "\"behaviorId\":\"acw-habits\",\"metric\":\"acw_seconds\",\"periodStart\":\"2026-11-20T00:00:00Z\","
            + "\"periodEnd\":\"2026-11-22T00:00:00Z\",\"value\":118.2,\"sampleSize\":15,\"teamValue\":62.1,"
            + "\"teamSampleSize\":118}}";

    @Inject
    CurrentCaller caller;

    @Inject
    AgentDirectory directory;

    @Inject
    ViewService views;

    @Inject
    BehaviorRepository behaviors;

    @Inject
    Audit audit;

    @GET
    @PersonalData(reads = DataClasses.INTERACTION_SIGNAL)
    @Path("/me/behaviors")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "My behaviors against my team", description = "For the calling agent (token claim "
            + "`agent_id`): each behavior's value over its window beside the team median, status (ON_TRACK, GAP, "
            + "INSUFFICIENT_DATA), the open gap with its explanation, and the last 7 days.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BehaviorTrend.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "one behavior", value = TRENDS)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an agent, or the token has no agent_id")
    public List<BehaviorTrend> mine() {
        Caller c = caller.get();
        if (c.agentId() == null) {
            throw ProblemException.forbidden("the token carries no agent_id");
        }
        List<BehaviorTrend> out = views.trends(c.agentId(), directory.teamOf(c.agentId()), Instant.now());
        audit.read(c, c.agentId(), "signal-service:agent-behaviors", "agent's own behavior trends");
        return out;
    }

    @GET
    @PersonalData(reads = DataClasses.INTERACTION_SIGNAL, allAgents = Roles.QA_ANALYST)
    @Path("/agents/{agentId}/behaviors")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST})
    @Operation(summary = "An agent's behaviors against the team", description = "The agent themself, a supervisor or "
            + "coach of the agent's team, or a qa-analyst.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BehaviorTrend.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "one behavior", value = TRENDS)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not this agent, not a supervisor/coach of their team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No signals of this agent")
    public List<BehaviorTrend> ofAgent(@Parameter(example = "agent-north-01") @PathParam("agentId") @Pattern(regexp = Ids.AGENT_PATTERN) @Size(max = Ids.MAX) String agentId) {
        Caller c = caller.get();
        String team = directory.teamOf(agentId);
        AgentScope.require(c, agentId, team, Set.of(Roles.QA_ANALYST));
        if (team == null) {
            throw ProblemException.notFound("agent " + agentId);
        }
        List<BehaviorTrend> out = views.trends(agentId, team, Instant.now());
        audit.read(c, agentId, "signal-service:agent-behaviors", "behavior trends");
        return out;
    }

    @GET
    @PersonalData(reads = DataClasses.INTERACTION_SIGNAL, allAgents = Roles.QA_ANALYST)
    @Path("/agents/{agentId}/behaviors/{behaviorId}/measurements")
    @RolesAllowed({Roles.SVC_MEASUREMENTS, Roles.AGENT, Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST})
    @AllowedClients(value = "coaching-service", roles = Roles.SVC_MEASUREMENTS)
    @Operation(summary = "Measurement series of one behavior for one agent", description = "Daily values (UTC days "
            + "with data) and the whole period's value, each beside the team's pooled value, so a caller can tell an "
            + "agent's change from a team-wide drift. `from`/`to` are ISO instants (default: the behavior's window "
            + "up to now; at most 366 days). `total` is null when the agent has no observation in the period. "
            + "Service accounts need svc-measurements; people follow the usual agent scope.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MeasurementSeries.class),
            examples = @ExampleObject(name = "two days", value = SERIES)))
    @APIResponse(responseCode = "400", description = "from/to malformed or out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Outside the caller's scope")
    @APIResponse(responseCode = "404", description = "No such behavior or agent")
    public MeasurementSeries measurements(@PathParam("agentId") @Pattern(regexp = Ids.AGENT_PATTERN) @Size(max = Ids.MAX) String agentId,
                                          @PathParam("behaviorId") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String behaviorId,
                                          @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
                                          @Parameter(example = "2026-11-25T00:00:00Z") @QueryParam("to") String to) {
        Caller c = caller.get();
        String team = directory.teamOf(agentId);
        AgentScope.require(c, agentId, team, Set.of(Roles.SVC_MEASUREMENTS, Roles.QA_ANALYST));
        Behavior b = behaviors.current(behaviorId).map(BehaviorRepository.Version::behavior)
                .orElseThrow(() -> ProblemException.notFound("behavior " + behaviorId));
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(b.window()) : instant("from", from);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(366)) > 0) {
            throw ProblemException.badRequest("from", "the period may span at most 366 days");
        }
        // Scope was decided on the directory's team above; an agent the directory does not place (readable only by
        // broad roles and services) is measured against the team its signals are filed under.
        String reference = team != null ? team : directory.filedTeamOf(agentId);
        if (reference == null) {
            throw ProblemException.notFound("agent " + agentId);
        }
        MeasurementSeries s = views.series(b, agentId, reference, start, end);
        audit.read(c, agentId, "signal-service:measurements/" + behaviorId, "behavior outcome measurement");
        return s;
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 instant like 2026-11-25T00:00:00Z");
        }
    }
}
