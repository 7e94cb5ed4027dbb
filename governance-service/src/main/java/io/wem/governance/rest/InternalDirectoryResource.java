package io.wem.governance.rest;

import io.wem.common.openapi.Ids;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.wem.common.access.NoPersonalData;
import io.wem.common.directory.AgentPlacement;
import io.wem.common.directory.PersonPlacement;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Roles;
import io.wem.governance.service.DirectoryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The directory as the other services read it (service accounts only), optionally as of a past instant. */
@Path("/api/v1/internal/directory")
@Tag(name = "Directory (internal)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
public class InternalDirectoryResource {

    @Inject
    DirectoryService directory;

    @GET
    @NoPersonalData
    @Path("/agents/{agentId}")
    @Operation(operationId = "internalAgentPlacement", summary = "An agent's team, supervisors and coaches",
            description = "As of `at` (ISO-8601; default now). 404 when the directory does not know the agent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgentPlacement.class)))
    @APIResponse(responseCode = "400", description = "Bad `at`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a service account")
    @APIResponse(responseCode = "404", description = "Unknown agent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AgentPlacement agent(@PathParam("agentId")
            @Pattern(regexp = Ids.AGENT_PATTERN) @Size(max = Ids.MAX) String agentId, @QueryParam("at") String at) {
        return directory.agent(agentId, Params.instant("at", at))
                .orElseThrow(() -> ProblemException.notFound("agent " + agentId));
    }

    @GET
    @NoPersonalData
    @Path("/people/{username}")
    @Operation(operationId = "internalPersonPlacement", summary = "A person's teams and roles",
            description = "As of `at` (default now). Unknown people have no teams (not an error).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PersonPlacement.class)))
    @APIResponse(responseCode = "400", description = "Bad `at`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a service account")
    public PersonPlacement person(@PathParam("username")
            @Pattern(regexp = Ids.AGENT_PATTERN) @Size(max = Ids.MAX) String username, @QueryParam("at") String at) {
        return directory.person(username, Params.instant("at", at));
    }

    @GET
    @NoPersonalData
    @Path("/teams/{teamId}/assignments")
    @Operation(operationId = "internalTeamAssignees", summary = "Who holds a role for a team",
            description = "Usernames holding `role` (supervisor, coach, trainer, qa-analyst, wfm-planner, "
                    + "process-owner; agent lists agent ids) for the whole team, as of `at` (default now).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = String.class,
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Unknown role or bad `at`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a service account")
    public List<String> assignees(@PathParam("teamId")
            @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String teamId, @QueryParam("role") String role,
                                  @QueryParam("at") String at) {
        if (role == null || role.isBlank()) {
            throw ProblemException.badRequest("role", "required");
        }
        return directory.assignees(teamId, role, Params.instant("at", at));
    }
}
