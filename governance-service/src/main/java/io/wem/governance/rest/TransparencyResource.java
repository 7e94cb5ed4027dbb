package io.wem.governance.rest;

import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.governance.service.TransparencyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Show employees exactly what their managers see": an agent's own transparency view. */
@Path("/api/v1/transparency/me")
@Tag(name = "Transparency")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TransparencyResource {

    @Inject
    TransparencyService transparency;

    @Inject
    CurrentCaller caller;

    @GET
    @PersonalData(reads = DataClasses.AUDIT_EVENT)
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "What the suite holds about me and who looked at it", description = "For the calling agent "
            + "(agent_id claim): each category of personal data held (data class, which service, retention window, "
            + "legal basis, owner), the roles of people who can see it (scope SELF/TEAM/ALL and the endpoints, from the "
            + "access matrix generated from the services' code), the named people behind those roles today (Keycloak "
            + "role holders, teams from the directory), the services that use it, and the most recent accesses to the "
            + "agent's data from the audit log, refused attempts included (who, with which roles, when, what, why). "
            + "`matrixIncomplete` and `peopleProblem` say when a source did not answer.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransparencyService.Transparency.class), examples =
        @ExampleObject(name = "me", value = "{\"agentId\":\"agent-north-01\",\"scopeRule\":\"Agents see only their "
                + "own data; supervisors and coaches only ...\",\"dataHeld\":[{\"dataClass\":\"coaching-record\","
                + "\"description\":\"Coaching interventions assigned to you ...\",\"heldBy\":\"coaching-service\","
                + "\"retentionWindow\":\"P2Y\",\"legalBasis\":\"Employment contract ...\",\"owner\":\"HR Business Partner\","
                + "\"visibleToRoles\":[\"agent\",\"coach\",\"supervisor\"],\"usedByServices\":[\"svc-subject-requests\"]}],"
                + "\"accessesTotal\":1,\"accesses\":[{\"at\":\"2026-03-02T09:14:05.120Z\",\"actor\":\"supervisor1\","
                + "\"actorRoles\":[\"supervisor\"],\"service\":\"signal-service\",\"action\":\"READ\","
                + "\"resource\":\"signal-service:gaps\",\"purpose\":\"coaching preparation\",\"outcome\":\"SUCCESS\"}]}")))
    @APIResponse(responseCode = "400", description = "limit out of range")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an agent, or the token has no agent_id")
    public TransparencyService.Transparency me(@QueryParam("limit") @DefaultValue("100") int limit) {
        Params.range("limit", limit, 1, 500);
        Caller c = caller.get();
        if (c.agentId() == null || c.agentId().isBlank()) {
            throw ProblemException.forbidden("the token carries no agent_id");
        }
        return transparency.forAgent(c, limit);
    }
}
