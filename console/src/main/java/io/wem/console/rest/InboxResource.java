package io.wem.console.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.wem.console.client.ApiResult;
import io.wem.console.client.ServiceApi;
import io.wem.console.client.ServiceApi.Service;
import io.wem.console.domain.InterventionActions;
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
import java.util.HashMap;
import java.util.Map;

/** Supervisors' and coaches' inbox: the interventions coaching-service lets them work, and the owner's moves. */
@Path("/inbox")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    @Inject
    @Location("pages/inbox.html")
    Template inbox;

    @Inject
    @Location("pages/intervention.html")
    Template intervention;

    @Inject
    ServiceApi api;

    @Inject
    Pages pages;

    @GET
    public Response list() {
        return pages.render(inbox, "Inbox", api.get(Service.COACHING, "/api/v1/interventions"));
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id, @QueryParam("done") String done) {
        return detail(id, null, done);
    }

    /** Asks coaching-service for the move; a refusal re-renders the page with the service's reason and status. */
    @POST
    @Path("{id}/transition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transition(@PathParam("id") String id, @FormParam("to") String to, @FormParam("note") String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("to", to == null ? "" : to);
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        return after(id, to, api.post(Service.COACHING, "/api/v1/interventions/" + Paths.segment(id)
                + "/transitions", body));
    }

    /** The guardrail's human review of an intervention awaiting it: approve or reject, with the reviewer's note. */
    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") String id, @FormParam("decision") String decision,
            @FormParam("note") String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision == null ? "" : decision);
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        return after(id, "review", api.post(Service.COACHING, "/api/v1/interventions/" + Paths.segment(id)
                + "/review", body));
    }

    /** Sets the goal: the owner's own words, or (empty) the agent's proposed wording as it is. */
    @POST
    @Path("{id}/goal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response goal(@PathParam("id") String id, @FormParam("goal") String goal) {
        Map<String, Object> body = new HashMap<>();
        if (goal != null && !goal.isBlank()) {
            body.put("goal", goal);
        }
        return after(id, "goal", api.post(Service.COACHING, "/api/v1/interventions/" + Paths.segment(id) + "/goal",
                body));
    }

    private Response after(String id, String done, ApiResult r) {
        return pages.afterAction(r, "/inbox/" + Paths.segment(id), done, (shown, refused) -> detail(id, refused, shown));
    }

    private Response detail(String id, ApiResult refused, String done) {
        ApiResult r = api.get(Service.COACHING, "/api/v1/interventions/" + Paths.segment(id));
        String state = r.ok() && r.body() instanceof Map<?, ?> m && m.get("state") != null ? m.get("state").toString() : null;
        return pages.withOutcome(pages.view(intervention, "Intervention", r)
                .data("actions", InterventionActions.offered(state)), r, done, refused);
    }
}
