package io.wem.console.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.wem.console.client.ApiResult;
import io.wem.console.client.ServiceApi;
import io.wem.console.client.ServiceApi.Service;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A team's human-review queue in wellbeing-service: automated actions waiting for a person's approval and agents'
 * contests of automated decisions. The team's supervisors approve or reject each with a reason; wellbeing decides
 * who may (and refuses a second verdict), the page shows its refusal in words.
 */
@Path("/teams/{teamId}/reviews")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ReviewQueueResource {

    /** wellbeing's filter values; anything else is passed on for wellbeing to refuse by name. */
    static final String ALL = "ALL";

    @Inject
    @Location("pages/reviews.html")
    Template reviews;

    @Inject
    ServiceApi api;

    @Inject
    Pages pages;

    @GET
    public Response queue(@PathParam("teamId") String teamId, @QueryParam("status") String status,
            @QueryParam("done") String done) {
        return queuePage(teamId, status, done, null);
    }

    private Response queuePage(String teamId, String status, String done, ApiResult refused) {
        String shown = status == null || status.isBlank() ? "PENDING" : status;
        ApiResult r = api.get(Service.WELLBEING, "/api/v1/reviews?teamId=" + Paths.segment(teamId) + "&status="
                + Paths.segment(shown));
        return pages.withOutcome(pages.view(reviews, "Review queue of " + teamId, r).data("teamId", teamId)
                .data("status", shown).data("all", ALL.equals(shown)), r, done, refused);
    }

    /** approve = let the automated action through, or (for a contest) overturn the decision; reject = the opposite. */
    @POST
    @Path("{reviewId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("teamId") String teamId, @PathParam("reviewId") String reviewId,
            @FormParam("decision") String decision, @FormParam("reason") String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        // Only the two buttons' values mean a verdict; anything else is sent as no verdict, which wellbeing refuses.
        body.put("approve", "approve".equals(decision) ? Boolean.TRUE : "reject".equals(decision) ? Boolean.FALSE
                : null);
        body.put("reason", reason == null ? "" : reason);
        return pages.afterAction(api.post(Service.WELLBEING, "/api/v1/reviews/" + Paths.segment(reviewId)
                + "/decision", body), "/teams/" + Paths.segment(teamId) + "/reviews", "approve".equals(decision)
                ? "approved" : "rejected", (done, refused) -> queuePage(teamId, null, done, refused));
    }
}
