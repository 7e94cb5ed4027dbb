package io.wem.signal.rest;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.wem.common.openapi.Ids;
import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.common.audit.Audit;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.BehaviorGapResolved;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.AgentScope;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.signal.domain.GapDisclosure;
import io.wem.signal.persistence.GapRepository;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Behavior gaps")
@SecurityRequirement(name = "bearer")
public class GapResource {
    static final String EXAMPLE = "[{\"status\":\"OPEN\",\"resolvedAt\":null,\"resolution\":null,\"gap\":{\"gapId\":"
            + "\"6f1c2d4e-...\",\"agentId\":\"agent-north-07\",\"teamId\":\"team-north\",\"behaviorId\":\"hold-usage\","
            + "\"behaviorVersion\":1,\"metric\":\"hold_seconds\",\"observed\":88.2,\"baseline\":31.0,\"baselineKind\":"
            + "\"ORG_MEDIAN\",\"effectSize\":2.41,\"sampleSize\":30,\"confidenceLow\":74.9,\"confidenceHigh\":101.5,"
            + "\"evidenceInteractionIds\":[\"int-1\",\"int-2\",\"int-3\",\"int-4\",\"int-5\"],\"gapType\":\"PROCESS\","
            + "\"causeExplanation\":\"5 of 8 agents (63%) of team team-north show the same gap ...\","
            + "\"affectedAgentIds\":[\"agent-north-02\",\"agent-north-03\",\"agent-north-05\",\"agent-north-07\","
            + "\"agent-north-08\"],\"queue\":\"billing\",\"contactReason\":\"general\",\"customerImpact\":0.6,"
            + "\"windowStart\":\"2026-11-11T09:00:00Z\",\"windowEnd\":\"2026-11-25T09:00:00Z\",\"detectedAt\":"
            + "\"2026-11-25T09:00:01Z\"},\"affectedAgentCount\":5}]";

    @Inject
    CurrentCaller caller;

    @Inject
    GapRepository gaps;

    @Inject
    Audit audit;

    @Inject
    io.wem.common.directory.DirectoryLookup directory;

    /**
     * A stored gap: the detection event as published (its {@code affectedAgentIds} reduced to the agents the caller
     * may see: an agent sees only themself), how many agents share it, and its resolution once resolved.
     */
    @Schema(name = "Gap")
    public record GapView(@Schema(enumeration = {"OPEN", "RESOLVED"}) String status, Instant resolvedAt,
                          BehaviorGapResolved resolution, BehaviorGapDetected gap,
                          @Schema(description = "Agents sharing a team-wide gap, also when their ids are withheld")
                          int affectedAgentCount) {
        static GapView of(GapRepository.StoredGap g, Caller viewer) {
            return new GapView(g.status(), g.resolvedAt(), g.resolution(),
                    GapDisclosure.forViewer(g.detected(), viewer), GapDisclosure.affectedCount(g.detected()));
        }
    }

    @GET
    @PersonalData(reads = DataClasses.INTERACTION_SIGNAL, allAgents = Roles.QA_ANALYST)
    @Path("/teams/{teamId}/gaps")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST})
    @Operation(summary = "A team's behavior gaps", description = "Supervisors and coaches of the team, and "
            + "qa-analysts. `status` OPEN (default) or RESOLVED or ALL.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GapView.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "process gap", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a supervisor/coach of this team")
    @APIResponse(responseCode = "404", description = "The directory has no such team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<GapView> ofTeam(@Parameter(example = "team-north") @PathParam("teamId") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String teamId,
                                @Parameter(example = "OPEN") @QueryParam("status") String status) {
        Caller c = caller.get();
        AgentScope.requireKnownTeam(c, teamId, Set.of(Roles.QA_ANALYST), directory);
        List<GapView> out = gaps.find(teamId, null, status(status), 500).stream().map(g -> GapView.of(g, c)).toList();
        auditEach(c, out, "team gaps");
        return out;
    }

    @GET
    @PersonalData(reads = DataClasses.INTERACTION_SIGNAL, allAgents = Roles.QA_ANALYST)
    @Path("/gaps")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST, Roles.SERVICE})
    @Operation(summary = "Behavior gaps in the caller's scope", description = "Agents see their own gaps, supervisors "
            + "and coaches those of their teams, qa-analysts and the suite's service accounts all. Optional filters "
            + "`teamId` and `status` (OPEN default, RESOLVED, ALL). A team-wide gap's `affectedAgentIds` lists only "
            + "the agents in the caller's scope (an agent: only themself); `affectedAgentCount` keeps the number.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GapView.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "process gap", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "teamId outside the caller's teams")
    public List<GapView> list(@Parameter(example = "team-north") @QueryParam("teamId") String teamId,
                              @Parameter(example = "OPEN") @QueryParam("status") String status) {
        Caller c = caller.get();
        String st = status(status);
        boolean broad = c.hasAnyRole(Roles.QA_ANALYST, Roles.SERVICE);
        List<GapRepository.StoredGap> found = new ArrayList<>();
        if (teamId != null && (broad || c.hasAnyRole(Roles.SUPERVISOR, Roles.COACH))) {
            AgentScope.requireTeam(c, teamId, Set.of(Roles.QA_ANALYST, Roles.SERVICE));
            found.addAll(gaps.find(teamId, null, st, 500));
        } else if (broad) {
            found.addAll(gaps.find(null, null, st, 500));
        } else if (c.hasAnyRole(Roles.SUPERVISOR, Roles.COACH)) {
            for (String t : c.teams()) {
                found.addAll(gaps.find(t, null, st, 500));
            }
        }
        if (c.agentId() != null && !broad && !c.hasAnyRole(Roles.SUPERVISOR, Roles.COACH)) {
            found.addAll(gaps.find(teamId, c.agentId(), st, 500));
        }
        List<GapView> out = found.stream().sorted(Comparator.comparing(
                (GapRepository.StoredGap g) -> g.detected().detectedAt()).reversed()).map(g -> GapView.of(g, c)).toList();
        auditEach(c, out, "gap list");
        return out;
    }

    private void auditEach(Caller c, List<GapView> gapsRead, String purpose) {
        gapsRead.stream().map(g -> g.gap().agentId()).distinct()
                .forEach(a -> audit.read(c, a, "signal-service:gaps", purpose));
    }

    private static String status(String s) {
        if (s == null || s.equalsIgnoreCase("OPEN")) {
            return "OPEN";
        }
        if (s.equalsIgnoreCase("RESOLVED")) {
            return "RESOLVED";
        }
        if (s.equalsIgnoreCase("ALL")) {
            return null;
        }
        throw ProblemException.badRequest("status", "must be OPEN, RESOLVED or ALL");
    }
}
