package io.wem.common.identity;

import io.wem.common.access.NoPersonalData;
import io.wem.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * How this service sees the caller's token: the roles, teams and agent id it will scope data by.
 * Integrators use it to check a token before calling anything else.
 */
@Path("/api/v1/identity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.COACH, Roles.QA_ANALYST, Roles.WFM_PLANNER,
        Roles.PROCESS_OWNER, Roles.CISO, Roles.GOVERNANCE_ADMIN, Roles.PLATFORM_ADMIN, Roles.INTEGRATION, Roles.SERVICE})
public class IdentityResource {

    @Inject
    CurrentCaller caller;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public record Identity(String subject, String username, List<String> roles, List<String> teams, String agentId,
                           String clientId, String service) {
    }

    @GET
    @NoPersonalData
    @Operation(operationId = "getIdentity", summary = "The caller as this service sees them",
            description = "Roles (realm roles), teams (`teams` claim) and agent id (`agent_id` claim) taken from the "
                    + "verified bearer token. Any role of the suite may call it; a token with none of them gets 403.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Identity.class), examples =
        @ExampleObject(name = "supervisor", value = "{\"subject\":\"5b1c...\",\"username\":\"supervisor1\","
                + "\"roles\":[\"supervisor\"],\"teams\":[\"team-north\"],\"agentId\":null,\"clientId\":null,"
                + "\"service\":\"signal-service\"}")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "The token carries none of the suite's roles")
    public Identity identity() {
        Caller c = caller.get();
        return new Identity(c.subject(), c.username(), c.roles().stream().sorted().toList(),
                c.teams().stream().sorted().toList(), c.agentId(), c.clientId(), service);
    }
}
