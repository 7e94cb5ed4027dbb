package io.wem.console.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.wem.console.client.ApiResult;
import io.wem.console.client.ServiceApi;
import io.wem.console.client.ServiceApi.Service;
import jakarta.inject.Inject;
import java.util.List;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Team views for supervisors and coaches: the team's open gaps (signal-service) and its wellbeing aggregates
 * (wellbeing-service, which withholds them below the minimum group size and shows per-agent rows only to the team's
 * supervisors). The teams listed are the ones the person's token names, as a service sees them.
 */
@Path("/teams")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class TeamResource {

    @Inject
    @Location("pages/teams.html")
    Template teams;

    @Inject
    @Location("pages/team.html")
    Template team;

    @Inject
    ServiceApi api;

    @Inject
    Pages pages;

    @GET
    public Response teams() {
        return pages.render(teams, "My teams", api.get(Service.GOVERNANCE, "/api/v1/identity"));
    }

    @GET
    @Path("{teamId}")
    public Response team(@PathParam("teamId") String teamId) {
        String seg = Paths.segment(teamId);
        List<ApiResult> answers = api.readAll(List.of(new ServiceApi.Read(Service.SIGNAL, "/api/v1/teams/" + seg + "/gaps"),
                new ServiceApi.Read(Service.WELLBEING, "/api/v1/teams/" + seg + "/wellbeing")));
        ApiResult gaps = answers.get(0);
        ApiResult wellbeing = answers.get(1);
        // Refused by both services: the person may not see this team, so the page is the refusal, not an empty view.
        ApiResult status = gaps.ok() ? gaps : wellbeing.ok() ? wellbeing : gaps;
        var page = pages.view(team, "Team " + teamId, status).data("teamId", teamId).data("gaps", gaps.body())
                .data("gapsError", gaps.ok() ? null : gaps.error()).data("wellbeing", wellbeing.body())
                .data("wellbeingError", wellbeing.ok() ? null : wellbeing.error());
        return pages.respond(page, status.pageStatus());
    }
}
