package io.wem.governance.rest;

import io.wem.common.openapi.Ids;
import jakarta.validation.constraints.Pattern;
import io.wem.common.access.NoPersonalData;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.governance.domain.retention.LegalHold;
import io.wem.governance.service.RetentionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import java.time.Instant;
import java.util.List;

/** Legal holds: while active they block purging (and erasure) of everything about their subjects. */
@Path("/api/v1/legal-holds")
@Tag(name = "Legal holds")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class LegalHoldResource {

    @Inject
    RetentionService retention;

    @Inject
    CurrentCaller caller;

    @Schema(name = "LegalHoldRequest")
    public record HoldRequest(
            @Schema(example = "CASE-2026-014") @NotBlank @Size(max = 200) String caseReference,
            @Schema(example = "Employment tribunal claim; preserve all performance data")
            @NotBlank @Size(max = 1000) String reason,
            @Schema(example = "[\"agent-north-01\"]") @Size(max = 10_000) List<@Size(max = 200) String> agentIds,
            @Schema(example = "[\"int-88231\"]") @Size(max = 100_000) List<@Size(max = 200) String> interactionIds,
            @Schema(example = "2025-10-01T00:00:00Z", description = "optional: only records from this time") Instant from,
            @Schema(example = "2026-04-01T00:00:00Z", description = "optional: only records before this time") Instant to) {
    }

    static final String HOLD_EXAMPLE = "{\"id\":\"7d1e4c1a-...\",\"caseReference\":\"CASE-2026-014\",\"reason\":"
            + "\"Employment tribunal claim\",\"agentIds\":[\"agent-north-01\"],\"interactionIds\":[],\"from\":null,"
            + "\"to\":null,\"createdBy\":\"gov-admin\",\"createdAt\":\"2026-03-01T10:00:00Z\",\"releasedAt\":null,"
            + "\"releasedBy\":null,\"active\":true}";

    @Schema(name = "LegalHold")
    public record HoldDto(String id, String caseReference, String reason, List<String> agentIds,
                          List<String> interactionIds, Instant from, Instant to, String createdBy, Instant createdAt,
                          Instant releasedAt, String releasedBy, boolean active) {
        static HoldDto of(LegalHold h) {
            return new HoldDto(h.id(), h.caseReference(), h.reason(), h.agentIds(), h.interactionIds(), h.from(),
                    h.to(), h.createdBy(), h.createdAt(), h.releasedAt(), h.releasedBy(), h.active());
        }
    }

    @POST
    @NoPersonalData
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.GOVERNANCE_ADMIN)
    @Operation(summary = "Place a legal hold", description = "Subjects are agent ids and/or interaction ids, "
            + "optionally limited to [from, to). Every later purge command carries the hold; erasure requests for a "
            + "held agent are refused. Audited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "hold",
            value = "{\"caseReference\":\"CASE-2026-014\",\"reason\":\"Employment tribunal claim\","
                    + "\"agentIds\":[\"agent-north-01\"]}")))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HoldDto.class),
            examples = @ExampleObject(name = "created", value = HOLD_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Missing case reference/reason, no subjects, from >= to")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a governance-admin")
    public Response create(@Valid @NotNull HoldRequest body) {
        LegalHold h = retention.createHold(caller.get(), body.caseReference(), body.reason(), body.agentIds(),
                body.interactionIds(), body.from(), body.to());
        return Response.status(201).entity(HoldDto.of(h)).build();
    }

    @GET
    @NoPersonalData
    @RolesAllowed({Roles.GOVERNANCE_ADMIN, Roles.CISO})
    @Operation(summary = "List legal holds", description = "Active holds by default; all=true includes released ones.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = HoldDto.class),
            examples = @ExampleObject(name = "holds", value = "[" + HOLD_EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Neither governance-admin nor ciso")
    public List<HoldDto> list(@QueryParam("all") @DefaultValue("false") boolean all) {
        return retention.holds(caller.get(), !all).stream().map(HoldDto::of).toList();
    }

    @POST
    @NoPersonalData
    @Path("/{id}/release")
    @RolesAllowed(Roles.GOVERNANCE_ADMIN)
    @Operation(summary = "Propose releasing a legal hold", description = "A four-eyes change: the answer is 202 with "
            + "a proposal and the hold stays active until a different ciso approves it "
            + "(POST /api/v1/approvals/{id}/approve). From the next purge run after that, the subjects' expired data "
            + "is purged again. Proposal and approval are audited.")
    @APIResponse(responseCode = "202", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApprovalResource.ProposalDto.class),
            examples = @ExampleObject(name = "proposed", value = ApprovalResource.EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a governance-admin")
    @APIResponse(responseCode = "404", description = "Unknown hold")
    @APIResponse(responseCode = "409", description = "Already released")
    public Response release(@PathParam("id") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String id) {
        return Response.accepted(ApprovalResource.ProposalDto.of(retention.release(caller.get(), id))).build();
    }
}
