package io.wem.common.access;

import io.wem.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * This service's part of the suite's access matrix, read from its own code at run time ({@link ServiceAccess}):
 * each operation's roles and personal-data classes. governance-service assembles the four services' answers into {@code GET /api/v1/access/matrix}.
 */
@Path("/api/v1/internal/access-matrix")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access matrix (internal)")
@SecurityRequirement(name = "bearer")
public class AccessMatrixResource {

    @Inject
    ServiceAccess access;

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.CISO, Roles.GOVERNANCE_ADMIN, Roles.PLATFORM_ADMIN})
    @NoPersonalData
    @Operation(operationId = "internalAccessMatrix", summary = "This service's endpoints, roles and data classes",
            description = "Generated from the running code: each operation's method and path, its @RolesAllowed "
                    + "(or @PermitAll/@Authenticated), and the data classes of personal data it reads and writes "
                    + "(@PersonalData). For governance-service's suite-wide matrix and for auditors.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceAccess.Published.class), examples =
        @ExampleObject(name = "one endpoint", value = "{\"service\":\"signal-service\",\"endpoints\":[{\"method\":"
                + "\"GET\",\"path\":\"/api/v1/gaps\",\"security\":\"ROLES\",\"roles\":[\"agent\",\"coach\","
                + "\"qa-analyst\",\"service\",\"supervisor\"],\"dataClasses\":[\"interaction-signal\"],\"reads\":"
                + "[\"interaction-signal\"],\"writes\":[],\"allAgents\":[\"qa-analyst\"],\"teamRoles\":[],\"declared\":true,"
                + "\"operation\":\"GapResource#list\"}],\"undeclared\":[]}")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a service account, ciso, governance-admin or platform-admin")
    public ServiceAccess.Published matrix() {
        return access.published();
    }
}
