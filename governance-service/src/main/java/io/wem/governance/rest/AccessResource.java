package io.wem.governance.rest;

import io.wem.common.access.NoPersonalData;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.governance.domain.access.AccessMatrix;
import io.wem.governance.service.AccessService;
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

/** Access governance: the suite's permission matrix and the periodic access review. */
@Path("/api/v1/access")
@Tag(name = "Access review")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AccessResource {

    @Inject
    AccessService access;

    @Inject
    CurrentCaller caller;

    @GET
    @NoPersonalData
    @Path("/matrix")
    @RolesAllowed({Roles.CISO, Roles.GOVERNANCE_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Role → permission matrix of the suite", description = "Per service, every endpoint "
            + "(method and path) with the realm roles allowed to call it (`security`: ROLES, AUTHENTICATED, PERMIT_ALL) "
            + "and the data classes of personal data it reads and writes, with the roles that read any agent's data "
            + "(`allAgents`) or their teams' (`teamRoles`). Generated from each service's code: every service publishes "
            + "its own part (`GET /api/v1/internal/access-matrix`), governance assembles them. `sources` tells per "
            + "service whether its part is current (OK), the last answer of a service that did not answer now (STALE) "
            + "or missing (UNAVAILABLE).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessMatrix.class), examples =
        @ExampleObject(name = "matrix", value = "{\"description\":\"...\",\"assembledAt\":\"2026-12-04T07:00:00Z\","
                + "\"services\":{\"governance-service\":[{\"method\":\"GET\",\"path\":\"/api/v1/audit/events\","
                + "\"security\":\"ROLES\",\"roles\":[\"ciso\"],\"dataClasses\":[\"audit-event\"],\"reads\":"
                + "[\"audit-event\"],\"writes\":[],\"allAgents\":[\"ciso\"],\"teamRoles\":[],\"declared\":true,"
                + "\"operation\":\"AuditResource#events\"}]},\"sources\":{\"governance-service\":{\"status\":\"OK\","
                + "\"fetchedAt\":\"2026-12-04T07:00:00Z\",\"problem\":null},\"wellbeing-service\":{\"status\":"
                + "\"UNAVAILABLE\",\"fetchedAt\":null,\"problem\":\"ProcessingException: Connection refused\"}}}")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not ciso, governance-admin or platform-admin")
    public AccessMatrix matrix() {
        return access.matrix();
    }

    @GET
    @NoPersonalData
    @Path("/review")
    @RolesAllowed(Roles.CISO)
    @Operation(summary = "Access review", description = "Users of realm wem with their effective realm roles and "
            + "groups, read from Keycloak's admin API, and findings: segregation-of-duties conflicts "
            + "(wem.governance.access-review.sod-pairs) and enabled accounts without a login for inactive-days "
            + "(from Keycloak LOGIN events; if events are unavailable a LOGIN_DATA_UNAVAILABLE finding says so).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessService.Review.class), examples =
        @ExampleObject(name = "review", value = "{\"reviewedAt\":\"2026-04-01T09:00:00Z\",\"realm\":\"wem\",\"users\":2,"
                + "\"loginDataAvailable\":true,\"accounts\":[{\"id\":\"5b1c...\",\"username\":\"ciso1\",\"enabled\":true,"
                + "\"roles\":[\"ciso\",\"platform-admin\"],\"groups\":[\"/security\"],\"createdAt\":\"2025-01-01T00:00:00Z\","
                + "\"lastLogin\":\"2026-03-30T08:00:00Z\"}],\"findings\":[{\"type\":\"SEGREGATION_OF_DUTIES\","
                + "\"severity\":\"HIGH\",\"userId\":\"5b1c...\",\"username\":\"ciso1\","
                + "\"detail\":\"holds both ciso and platform-admin\"}]}")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a ciso")
    @APIResponse(responseCode = "503", description = "Keycloak's admin API did not answer")
    public AccessService.Review review() {
        return access.review(caller.get());
    }
}
