package io.wem.governance.rest;

import io.wem.common.openapi.Ids;
import jakarta.validation.constraints.Pattern;
import io.wem.common.access.NoPersonalData;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.governance.domain.retention.ComplianceAssessor;
import io.wem.governance.domain.retention.RetentionPolicy;
import io.wem.governance.service.RetentionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Retention policies per data class, on-demand purges and the compliance report. */
@Path("/api/v1/retention")
@Tag(name = "Retention")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    RetentionService retention;

    @Inject
    CurrentCaller caller;

    @Schema(name = "RetentionPolicyUpdate")
    public record PolicyUpdate(
            @Schema(example = "P90D", description = "ISO-8601 duration: P90D, P13M, P7Y, PT36H")
            @NotBlank @Size(max = 40) String window,
            @Schema(example = "Legitimate interest: quality assurance (GDPR Art. 6(1)(f))")
            @NotBlank @Size(max = 500) String legalBasis,
            @Schema(example = "Quality Lead") @NotBlank @Size(max = 200) String owner) {
    }

    @Schema(name = "PurgeRun")
    public record PurgeRun(int commands, List<PurgeCommand> issued) {
    }

    static final String POLICY_EXAMPLE = "{\"dataClass\":\"transcript\",\"service\":\"signal-service\","
            + "\"window\":\"P90D\",\"legalBasis\":\"Legitimate interest: quality assurance\",\"owner\":\"Quality Lead\","
            + "\"updatedAt\":\"2026-03-01T10:00:00Z\",\"updatedBy\":\"gov-admin\"}";

    @GET
    @NoPersonalData
    @Path("/policies")
    @RolesAllowed({Roles.CISO, Roles.GOVERNANCE_ADMIN})
    @Operation(summary = "List retention policies", description = "One per data class, with the service that holds it.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RetentionPolicy.class),
            examples = @ExampleObject(name = "policies", value = "[" + POLICY_EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Neither ciso nor governance-admin")
    public List<RetentionPolicy> policies() {
        return retention.policies();
    }

    @PUT
    @NoPersonalData
    @Path("/policies/{dataClass}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.GOVERNANCE_ADMIN)
    @Operation(summary = "Change a retention policy", description = "Lengthening the window (or changing only the "
            + "legal basis or owner) applies at once (200) and is written to the audit log with the values before and "
            + "after. Shortening it is a four-eyes change: the answer is 202 with a proposal, and nothing changes "
            + "until a different ciso approves it (POST /api/v1/approvals/{id}/approve). The next purge run uses the "
            + "window in force.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "update",
            value = "{\"window\":\"P60D\",\"legalBasis\":\"Legitimate interest: quality assurance\","
                    + "\"owner\":\"Quality Lead\"}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionPolicy.class),
            examples = @ExampleObject(name = "updated", value = POLICY_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Window shortened: proposed for approval, not applied",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApprovalResource.ProposalDto.class),
            examples = @ExampleObject(name = "proposed", value = ApprovalResource.EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid window (errors[].field = window) or missing fields")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a governance-admin")
    @APIResponse(responseCode = "404", description = "Unknown data class")
    public Response update(@Parameter(example = "transcript") @PathParam("dataClass")
            @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String dataClass,
                           @Valid @NotNull PolicyUpdate body) {
        RetentionService.PolicyChange change = retention.update(caller.get(), dataClass, body.window(),
                body.legalBasis(), body.owner());
        return change.proposed() == null ? Response.ok(change.applied()).build()
                : Response.accepted(ApprovalResource.ProposalDto.of(change.proposed())).build();
    }

    @POST
    @NoPersonalData
    @Path("/purges")
    @RolesAllowed(Roles.GOVERNANCE_ADMIN)
    @Operation(summary = "Run retention now", description = "Publishes one PurgeCommand per service and data class "
            + "(cutoff = now - window, all active legal holds) to wem.governance.purge-commands.v1, like the daily "
            + "scheduled run. Services answer on wem.governance.purge-results.v1; see /retention/compliance.")
    @APIResponse(responseCode = "202", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PurgeRun.class), examples =
        @ExampleObject(name = "issued", value = "{\"commands\":1,\"issued\":[{\"commandId\":\"2b9c...\","
                + "\"service\":\"signal-service\",\"dataClass\":\"transcript\",\"cutoff\":\"2026-01-01T02:30:00Z\","
                + "\"holds\":[{\"holdId\":\"7d1e...\",\"caseReference\":\"CASE-2026-014\",\"agentIds\":[\"agent-north-01\"],"
                + "\"interactionIds\":[],\"from\":null,\"to\":null}],\"issuedAt\":\"2026-04-01T02:30:00Z\"}]}")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a governance-admin")
    public Response purge() {
        List<PurgeCommand> issued = retention.issuePurges(caller.get().actor());
        return Response.accepted(new PurgeRun(issued.size(), issued)).build();
    }

    @GET
    @NoPersonalData
    @Path("/compliance")
    @RolesAllowed({Roles.CISO, Roles.GOVERNANCE_ADMIN})
    @Operation(summary = "Retention compliance report", description = "Per service and data class: the window, the "
            + "last purge (time and counts), the oldest remaining record and its age, and whether it is a breach "
            + "(oldest remaining older than window + grace and not explained by legal holds; failed purges; missing "
            + "or stale evidence).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ComplianceAssessor.Assessment.class), examples =
        @ExampleObject(name = "report", value = "[{\"service\":\"signal-service\",\"dataClass\":\"transcript\","
                + "\"window\":\"P90D\",\"lastPurgeAt\":\"2026-04-01T02:30:04Z\",\"lastPurged\":1200,"
                + "\"lastRetainedByHold\":0,\"oldestRemaining\":\"2026-01-02T08:00:00Z\",\"oldestRemainingAgeDays\":89,"
                + "\"breach\":false,\"status\":\"COMPLIANT\",\"explanation\":\"nothing older than the window remains\"}]")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Neither ciso nor governance-admin")
    public List<ComplianceAssessor.Assessment> compliance() {
        return retention.compliance();
    }

}
