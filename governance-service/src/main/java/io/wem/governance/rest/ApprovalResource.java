package io.wem.governance.rest;

import io.wem.common.openapi.Ids;
import jakarta.validation.constraints.Pattern;
import io.wem.common.access.NoPersonalData;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.governance.domain.approval.Proposal;
import io.wem.governance.service.ApprovalService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Four-eyes approvals: shortened retention windows and legal-hold releases wait here for a second person. */
@Path("/api/v1/approvals")
@Tag(name = "Approvals (four eyes)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    static final String EXAMPLE = "{\"id\":\"5b0e7c7e-3f5d-4a5e-9d43-0c2f6f1f8a10\",\"kind\":\"RETENTION_SHORTEN\","
            + "\"target\":\"transcript\",\"change\":{\"window\":\"P30D\",\"legalBasis\":\"Legitimate interest\","
            + "\"owner\":\"Quality Lead\"},\"summary\":\"retention window of transcript from P90D to P30D\","
            + "\"proposedBy\":\"gov-admin\",\"proposedAt\":\"2026-03-01T10:00:00Z\","
            + "\"expiresAt\":\"2026-03-08T10:00:00Z\",\"status\":\"PENDING\",\"decidedBy\":null,\"decidedAt\":null,"
            + "\"decisionReason\":null}";

    @Inject
    ApprovalService approvals;

    @Inject
    CurrentCaller caller;

    @Schema(name = "ChangeProposal", description = "A change that needs a second person (four eyes)")
    public record ProposalDto(String id, String kind, String target, Map<String, String> change, String summary,
                              String proposedBy, Instant proposedAt, Instant expiresAt, String status,
                              String decidedBy, Instant decidedAt, String decisionReason) {
        static ProposalDto of(Proposal p) {
            return new ProposalDto(p.id(), p.kind().name(), p.target(), p.change(), p.summary(), p.proposedBy(),
                    p.proposedAt(), p.expiresAt(), p.status().name(), p.decidedBy(), p.decidedAt(),
                    p.decisionReason());
        }
    }

    @Schema(name = "ProposalRejection")
    public record Rejection(@Schema(example = "window too short for open disputes") @Size(max = 500) String reason) {
    }

    @GET
    @NoPersonalData
    @RolesAllowed({Roles.CISO, Roles.GOVERNANCE_ADMIN})
    @Operation(operationId = "listApprovals", summary = "Proposals waiting for a decision",
            description = "Pending, unexpired proposals oldest first; with all=true every proposal (newest first, at "
                    + "most 500) with its outcome: APPROVED, REJECTED or EXPIRED.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProposalDto.class, type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.ARRAY), examples = @ExampleObject(name = "pending", value = "[" + EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Neither ciso nor governance-admin")
    public List<ProposalDto> list(@QueryParam("all") @DefaultValue("false") boolean all) {
        return approvals.list(all).stream().map(ProposalDto::of).toList();
    }

    @POST
    @Path("/{id}/approve")
    @NoPersonalData
    @RolesAllowed(Roles.CISO)
    @Operation(operationId = "approveProposal", summary = "Approve a proposal and apply the change",
            description = "A ciso who is not the proposer approves; the change is applied in the same transaction. "
                    + "Both the approval and the change are audited.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProposalDto.class),
            examples = @ExampleObject(name = "approved", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a ciso, or the proposer (problem type four-eyes)")
    @APIResponse(responseCode = "404", description = "Unknown proposal")
    @APIResponse(responseCode = "409", description = "Already decided or expired (problem type four-eyes)")
    public ProposalDto approve(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        return ProposalDto.of(approvals.approve(caller.get(), id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @NoPersonalData
    @RolesAllowed(Roles.CISO)
    @Operation(operationId = "rejectProposal", summary = "Reject a proposal",
            description = "Nothing changes; the rejection and its reason are audited.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProposalDto.class)))
    @APIResponse(responseCode = "400", description = "Reason longer than 500 characters")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a ciso, or the proposer (problem type four-eyes)")
    @APIResponse(responseCode = "404", description = "Unknown proposal")
    @APIResponse(responseCode = "409", description = "Already decided or expired (problem type four-eyes)")
    public ProposalDto reject(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id, @jakarta.validation.Valid Rejection body) {
        return ProposalDto.of(approvals.reject(caller.get(), id, body == null ? null : body.reason()));
    }
}
