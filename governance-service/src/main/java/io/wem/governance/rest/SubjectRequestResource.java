package io.wem.governance.rest;

import io.wem.common.openapi.Ids;
import jakarta.validation.constraints.Pattern;
import io.wem.common.access.NoPersonalData;
import io.wem.common.access.PersonalData;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.governance.service.SubjectRequestService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Data-subject access (export) and erasure requests for agents. */
@Path("/api/v1/subject-requests")
@Tag(name = "Subject requests")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SubjectRequestResource {

    @Inject
    SubjectRequestService requests;

    @Inject
    CurrentCaller caller;

    @Schema(name = "SubjectRequestCreate")
    public record Create(@Schema(example = "ACCESS", enumeration = {"ACCESS", "ERASURE"}) @NotBlank String type,
                         @Schema(example = "agent-north-01") @NotBlank @Size(max = 200) String agentId) {
    }

    static final String EXAMPLE = "{\"id\":\"0c7e...\",\"type\":\"ACCESS\",\"agentId\":\"agent-north-01\","
            + "\"status\":\"COMPLETED\",\"requestedBy\":\"gov-admin\",\"requestedAt\":\"2026-03-01T10:00:00Z\","
            + "\"completedAt\":\"2026-03-01T10:00:03Z\",\"refusedByHolds\":[],\"outcomes\":{\"signal-service\":"
            + "{\"status\":\"DONE\",\"detail\":null,\"erased\":null},\"wellbeing-service\":{\"status\":\"FAILED\","
            + "\"detail\":\"ProcessingException: connect timed out\",\"erased\":null}}}";

    @POST
    @PersonalData(writes = PersonalData.ALL_CLASSES)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.GOVERNANCE_ADMIN)
    @Operation(summary = "Open a data-subject request", description = "ACCESS assembles one JSON export from every "
            + "service; ERASURE deletes the agent's data everywhere. Erasure is refused (status REFUSED_LEGAL_HOLD, "
            + "with the hold ids) while a legal hold names the agent. Processed asynchronously: poll "
            + "GET /api/v1/subject-requests/{id}. Statuses: PENDING, IN_PROGRESS, COMPLETED, PARTIAL (some service "
            + "failed after retries), FAILED, REFUSED_LEGAL_HOLD. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "access",
            value = "{\"type\":\"ACCESS\",\"agentId\":\"agent-north-01\"}")))
    @APIResponse(responseCode = "202", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectRequestService.Request.class), examples =
        @ExampleObject(name = "accepted", value = "{\"id\":\"0c7e...\",\"type\":\"ACCESS\",\"agentId\":\"agent-north-01\","
                + "\"status\":\"PENDING\",\"requestedBy\":\"gov-admin\",\"requestedAt\":\"2026-03-01T10:00:00Z\","
                + "\"completedAt\":null,\"refusedByHolds\":[],\"outcomes\":{}}")))
    @APIResponse(responseCode = "400", description = "Unknown type or missing agentId (problem+json naming it)")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a governance-admin")
    public Response open(@Valid @NotNull Create body) {
        if (!body.type().equals("ACCESS") && !body.type().equals("ERASURE")) {
            throw ProblemException.badRequest("type", "must be ACCESS or ERASURE");
        }
        return Response.accepted(requests.open(caller.get(), body.type(), body.agentId().trim())).build();
    }

    @GET
    @NoPersonalData
    @Path("/{id}")
    @RolesAllowed(Roles.GOVERNANCE_ADMIN)
    @Operation(summary = "Status and per-service outcome of a subject request")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectRequestService.Request.class),
            examples = @ExampleObject(name = "status", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a governance-admin")
    @APIResponse(responseCode = "404", description = "Unknown request")
    public SubjectRequestService.Request get(@PathParam("id")
            @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        return requests.get(id);
    }

    @GET
    @PersonalData(reads = PersonalData.ALL_CLASSES, allAgents = Roles.GOVERNANCE_ADMIN)
    @Path("/{id}/export")
    @RolesAllowed(Roles.GOVERNANCE_ADMIN)
    @Operation(summary = "The assembled export of an access request", description = "One JSON document: per "
            + "service, per data class, the agent's records. Reading it is audited. The export is deleted "
            + "wem.governance.subject-requests.export-ttl (default 30 days) after it was assembled, and when an "
            + "erasure of the same agent completes.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "Every service's export of the subject's personal data: agentId, requestId, assembledAt and services (service → data class → records)"), examples =
        @ExampleObject(name = "export", value = "{\"agentId\":\"agent-north-01\",\"requestId\":\"0c7e...\","
                + "\"assembledAt\":\"2026-03-01T10:00:03Z\",\"services\":{\"coaching-service\":{\"coaching-record\":"
                + "[{\"interventionId\":\"...\"}]},\"governance-service\":{\"audit-event\":[{\"sequence\":42,"
                + "\"actor\":\"supervisor1\",\"action\":\"READ\"}]}}}")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a governance-admin")
    @APIResponse(responseCode = "404", description = "Unknown request or not an access request")
    @APIResponse(responseCode = "409", description = "Not finished yet")
    @APIResponse(responseCode = "410", description = "The export expired or was erased with the subject")
    public Response export(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        return Response.ok(requests.export(caller.get(), id), MediaType.APPLICATION_JSON).build();
    }
}
