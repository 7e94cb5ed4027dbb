package io.wem.governance.rest;

import io.wem.common.openapi.Ids;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.wem.common.access.NoPersonalData;
import io.wem.common.problem.Problem;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.governance.domain.directory.CsvRoster;
import io.wem.governance.domain.directory.RosterRow;
import io.wem.governance.domain.directory.RowError;
import io.wem.governance.domain.directory.Team;
import io.wem.governance.service.DirectoryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** The organisation directory: teams, people, assignments; roster import and Keycloak sync. */
@Path("/api/v1/directory")
@Tag(name = "Directory")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    @Inject
    DirectoryService directory;

    @Inject
    CurrentCaller caller;

    /** A roster line in JSON (the CSV columns in camelCase). */
    public record RosterLine(@Size(max = 200) String teamId, @Size(max = 200) String teamName,
                             @Size(max = 200) String site, @Size(max = 200) String username,
                             @Size(max = 200) String displayName, @Size(max = 40) String role,
                             @Size(max = 200) String agentId, @Size(max = 200) String forAgent) {
    }

    /** Bean Validation caps these (errors name rows[i] 0-based); the import's own rules name rows[n] 1-based. */
    public record RosterBody(@NotNull @Size(max = 50_000) List<@Valid RosterLine> rows) {
    }

    @POST
    @NoPersonalData
    @Path("/roster")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GOVERNANCE_ADMIN, Roles.SVC_DIRECTORY_IMPORT})
    @Operation(operationId = "importRosterJson", summary = "Import a roster (JSON)", description = "The full state of "
            + "the teams named in the roster: assignments of those teams from earlier rosters that are missing now "
            + "are closed (kept as history), new ones opened. Idempotent: the same roster twice changes nothing. "
            + "All or nothing: any bad line answers 400 naming each as rows[<n>].<field> (n = 1-based line).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RosterBody.class),
            examples = @ExampleObject(name = "two lines", value = Examples.ROSTER_JSON)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DirectoryService.ChangeReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid lines, one error per line and field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not governance-admin or svc-directory-import")
    public DirectoryService.ChangeReport importJson(@Valid RosterBody body) {
        List<RosterRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        if (body == null || body.rows() == null) {
            errors.add(new RowError(0, "rows", "required"));
        } else {
            for (int i = 0; i < body.rows().size(); i++) {
                RosterLine l = body.rows().get(i);
                if (l == null) {
                    errors.add(new RowError(i + 1, "line", "must be an object"));
                    continue;
                }
                rows.add(new RosterRow(i + 1, l.teamId(), l.teamName(), l.site(), l.username(), l.displayName(),
                        l.role(), l.agentId(), l.forAgent()));
            }
        }
        return directory.importRoster(rows, errors, caller.get());
    }

    @POST
    @NoPersonalData
    @Path("/roster")
    @Consumes("text/csv")
    @RolesAllowed({Roles.GOVERNANCE_ADMIN, Roles.SVC_DIRECTORY_IMPORT})
    @Operation(operationId = "importRosterCsv", summary = "Import a roster (CSV)", description = "Same as the JSON "
            + "import. Header line with columns team_id, username, role (required) and team_name, site, display_name, "
            + "agent_id, for_agent; errors name rows[<file line>].<field>.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
            maxLength = 4 * 1024 * 1024, description = "At most the service's body limit (4 MB; 413 beyond)"),
            examples = @ExampleObject(name = "two lines", value = Examples.ROSTER_CSV)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DirectoryService.ChangeReport.class)))
    @APIResponse(responseCode = "400", description = "Invalid header or lines",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not governance-admin or svc-directory-import")
    public DirectoryService.ChangeReport importCsv(String csv) {
        List<RowError> errors = new ArrayList<>();
        List<RosterRow> rows = CsvRoster.parse(csv, errors);
        return directory.importRoster(rows, errors, caller.get());
    }

    @POST
    @NoPersonalData
    @Path("/sync")
    @RolesAllowed(Roles.GOVERNANCE_ADMIN)
    @Operation(operationId = "syncDirectory", summary = "Sync from Keycloak now", description = "Reads realm groups "
            + "(teams) and users (realm roles, groups, agent_id attribute) and reconciles the directory's Keycloak "
            + "source. Also runs on a schedule (wem.governance.directory.sync-every).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DirectoryService.ChangeReport.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not governance-admin")
    @APIResponse(responseCode = "503", description = "Keycloak's admin API did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DirectoryService.ChangeReport sync() {
        return directory.syncFromKeycloak(caller.get().actor());
    }

    @GET
    @NoPersonalData
    @Path("/teams")
    @RolesAllowed({Roles.GOVERNANCE_ADMIN, Roles.CISO, Roles.PLATFORM_ADMIN, Roles.SUPERVISOR, Roles.COACH,
            Roles.WFM_PLANNER, Roles.PROCESS_OWNER, Roles.QA_ANALYST})
    @Operation(operationId = "listTeams", summary = "Teams", description = "Every team of the directory.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Team.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public List<Team> teams() {
        return directory.teams();
    }

    @GET
    @NoPersonalData
    @Path("/teams/{teamId}")
    @RolesAllowed({Roles.GOVERNANCE_ADMIN, Roles.CISO, Roles.PLATFORM_ADMIN, Roles.SUPERVISOR, Roles.COACH,
            Roles.WFM_PLANNER, Roles.PROCESS_OWNER, Roles.QA_ANALYST})
    @Operation(operationId = "getTeam", summary = "A team", description = "The team, its agents now, and every "
            + "assignment with its validity (history included).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DirectoryService.TeamView.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "Unknown team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DirectoryService.TeamView team(@PathParam("teamId")
            @Pattern(regexp = Ids.PATTERN) @Size(max = Ids.MAX) String teamId) {
        return directory.team(teamId);
    }

    @GET
    @NoPersonalData
    @Path("/people/{personId}")
    @RolesAllowed({Roles.GOVERNANCE_ADMIN, Roles.CISO, Roles.PLATFORM_ADMIN, Roles.SUPERVISOR, Roles.COACH,
            Roles.WFM_PLANNER, Roles.PROCESS_OWNER, Roles.QA_ANALYST})
    @Operation(operationId = "getPerson", summary = "A person", description = "The person (by username), their "
            + "teams and roles now, and every assignment with its validity.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DirectoryService.PersonView.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "Unknown person",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DirectoryService.PersonView person(@PathParam("personId")
            @Pattern(regexp = Ids.AGENT_PATTERN) @Size(max = Ids.MAX) String personId) {
        return directory.personView(personId);
    }
}
