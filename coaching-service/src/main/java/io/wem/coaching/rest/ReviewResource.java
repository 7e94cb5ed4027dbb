package io.wem.coaching.rest;

import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.coaching.persistence.InterventionEntity;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import java.util.List;

@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interventions")
@SecurityRequirement(name = "bearer")
public class ReviewResource {

    @Inject
    CurrentCaller caller;

    @Inject
    InterventionReader reader;

    @GET
    @PersonalData(reads = DataClasses.COACHING_RECORD)
    @RolesAllowed({Roles.SUPERVISOR, Roles.COACH})
    @Transactional
    @Operation(summary = "Review queue: interventions wellbeing sent to human review",
            description = "AWAITING_REVIEW interventions of the caller's teams (or of teamId, one of them), oldest first. "
                    + "Decide with POST /api/v1/interventions/{id}/review.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InterventionView.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "queue", value = "[" + InterventionResource.EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Wrong role or another team", content = @Content(mediaType = "application/problem+json"))
    public List<InterventionView> queue(@Parameter(example = "team-north") @QueryParam("teamId") String teamId) {
        Caller c = caller.get();
        if (teamId != null && !c.memberOf(teamId)) {
            throw ProblemException.forbidden("not allowed to see the review queue of team " + teamId);
        }
        List<String> teams = teamId != null ? List.of(teamId) : List.copyOf(c.teams());
        if (teams.isEmpty()) {
            return List.of();
        }
        List<InterventionEntity> list = InterventionEntity.list("state = 'AWAITING_REVIEW' and agentId is not null "
                + "and teamId in ?1 order by updatedAt", teams);
        return reader.summaries(c, list, "human review of guardrail decisions");
    }
}
