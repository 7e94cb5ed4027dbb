package io.wem.governance.rest;

import io.wem.common.access.NoPersonalData;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.retention.LegalHolds;
import io.wem.common.security.AllowedClients;
import io.wem.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The active legal holds for the services, which ask at the moment they delete anything (purge or erasure). */
@Path("/api/v1/internal/legal-holds/active")
@Tag(name = "Legal holds (internal)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InternalLegalHoldResource {

    @Inject
    LegalHolds holds;

    @GET
    @NoPersonalData
    @RolesAllowed(Roles.SERVICE)
    @AllowedClients({"signal-service", "coaching-service", "wellbeing-service", "governance-service"})
    @Operation(operationId = "activeLegalHolds", summary = "Active legal holds (service accounts)",
            description = "Every active hold's scope: agent ids, interaction ids and optional [from, to). Services call "
                    + "it with their client-credentials token before purging or erasing, and delete nothing when it "
                    + "does not answer.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = LegalHoldScope.class), examples =
        @ExampleObject(name = "holds", value = "[{\"holdId\":\"7d1e...\",\"caseReference\":\"CASE-2026-014\","
                + "\"agentIds\":[\"agent-north-01\"],\"interactionIds\":[],\"from\":null,\"to\":null}]")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a service account of the suite (role service and azp one of "
            + "the four services)")
    public List<LegalHoldScope> active() {
        return holds.active();
    }
}
