package io.wem.coaching.rest;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.wem.common.openapi.Ids;
import io.wem.common.access.NoPersonalData;
import io.wem.coaching.domain.Backlog;
import io.wem.coaching.persistence.OwnerCapacityEntity;
import io.wem.coaching.service.BacklogService;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backlog and capacity")
@SecurityRequirement(name = "bearer")
public class BacklogResource {

    @Inject
    BacklogService backlog;

    @Inject
    CurrentCaller caller;

    @GET
    @NoPersonalData
    @Path("/backlog")
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH, Roles.PROCESS_OWNER, Roles.WFM_PLANNER, Roles.PLATFORM_ADMIN})
    @Operation(operationId = "listBacklog", summary = "Backlog per owner and team: size, age, overdue work, capacity against load",
            description = "Open = AWAITING_REVIEW, ASSIGNED, SCHEDULED, IN_PROGRESS. Load = open items due within 7 days "
                    + "(overdue included); capacityBreached when load exceeds weekly capacity. Supervisors and coaches see "
                    + "their teams; process owners, WFM planners and platform admins any team. Counts only, no personal data.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Backlog.OwnerBacklog.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "backlog", value = "[{\"ownerKey\":\"coach:team-north\",\"teamId\":\"team-north\","
                    + "\"openCount\":14,\"ageP50Hours\":30.5,\"ageP90Hours\":160.0,\"overdueCount\":3,\"weeklyCapacity\":10,"
                    + "\"dueWithinWeek\":12,\"loadRatio\":1.2,\"capacityBreached\":true,\"weeksToClear\":1.4,"
                    + "\"overdueInterventionIds\":[\"0b6c1f0e-3f7a-4a55-9b1e-2f4b7f0d9a11\"]}]")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Wrong role or another team", content = @Content(mediaType = "application/problem+json"))
    public List<Backlog.OwnerBacklog> backlog(@Parameter(example = "team-north") @QueryParam("teamId") String teamId) {
        Caller c = caller.get();
        boolean broad = c.hasAnyRole(Roles.PROCESS_OWNER, Roles.WFM_PLANNER, Roles.PLATFORM_ADMIN);
        if (teamId != null) {
            if (!broad && !c.memberOf(teamId)) {
                throw ProblemException.forbidden("not allowed to see the backlog of team " + teamId);
            }
            return backlog.backlog(List.of(teamId));
        }
        return backlog.backlog(broad ? null : List.copyOf(c.teams()));
    }

    @Schema(name = "CapacityRequest")
    public record CapacityRequest(@NotNull @Min(0) @Max(1000) @Schema(example = "12",
            description = "Interventions the owner can take on per week") Integer weeklyCapacity) {
    }

    @Schema(name = "Capacity")
    public record CapacityView(@Schema(example = "coach:team-north") String ownerKey, @Schema(example = "12") int weeklyCapacity,
                               @Schema(example = "admin1") String updatedBy, Instant updatedAt) {
    }

    @PUT
    @NoPersonalData
    @Path("/owners/{ownerKey}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Set an owner's weekly capacity",
            description = "ownerKey is role:team (e.g. coach:team-north) or role:team:person (e.g. coach:team-north:coach1); "
                    + "persons' capacities add up to their role:team owner unless that has its own.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CapacityView.class), examples = @ExampleObject(name = "set", value =
            "{\"ownerKey\":\"coach:team-north\",\"weeklyCapacity\":12,\"updatedBy\":\"admin1\",\"updatedAt\":\"2026-11-25T10:00:00Z\"}")))
    @APIResponse(responseCode = "400", description = "Bad owner key or capacity", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not platform-admin", content = @Content(mediaType = "application/problem+json"))
    public CapacityView setCapacity(@Parameter(example = "coach:team-north") @PathParam("ownerKey") @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String ownerKey,
                                    @NotNull @Valid CapacityRequest body) {
        OwnerCapacityEntity e = backlog.setCapacity(ownerKey, body.weeklyCapacity(), caller.get().actor());
        return new CapacityView(e.ownerKey, e.weeklyCapacity, e.updatedBy, e.updatedAt);
    }
}
