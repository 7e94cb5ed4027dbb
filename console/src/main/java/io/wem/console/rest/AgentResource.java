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
import io.wem.console.domain.MyData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An agent's own pages. The services scope them to the token's agent_id; the console passes the token on. */
@Path("/")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AgentResource {

    @Inject
    @Location("pages/plan.html")
    Template plan;

    @Inject
    @Location("pages/visibility.html")
    Template visibility;

    @Inject
    @Location("pages/behaviors.html")
    Template behaviors;

    @Inject
    @Location("pages/my-data.html")
    Template myData;

    @Inject
    @Location("pages/wellbeing.html")
    Template wellbeing;

    @Inject
    ServiceApi api;

    @Inject
    Pages pages;

    @GET
    @Path("me/plan")
    public Response plan(@QueryParam("done") String done) {
        return planPage(done, null);
    }

    private Response planPage(String done, ApiResult refused) {
        ApiResult r = api.get(Service.COACHING, "/api/v1/me/interventions");
        return pages.withOutcome(plan, "My plan", r, done, refused);
    }

    @GET
    @Path("me/visibility")
    public Response visibility() {
        return pages.render(visibility, "Who can see my data",
                api.get(Service.GOVERNANCE, "/api/v1/transparency/me?limit=100"));
    }

    @GET
    @Path("me/behaviors")
    public Response behaviors() {
        return pages.render(behaviors, "My behaviors", api.get(Service.SIGNAL, "/api/v1/me/behaviors"));
    }

    /** Someone's behaviors by id: signal-service decides who may see them (an agent: only themself). */
    @GET
    @Path("agents/{agentId}/behaviors")
    public Response behaviorsOf(@PathParam("agentId") String agentId) {
        return pages.render(behaviors, "Behaviors of " + agentId,
                api.get(Service.SIGNAL, "/api/v1/agents/" + Paths.segment(agentId) + "/behaviors"));
    }

    @POST
    @Path("me/plan/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String id, @PathParam("action") String action, @FormParam("text") String text) {
        String seg = Paths.segment(id);
        ApiResult r = switch (action) {
            case "acknowledge" -> api.post(Service.COACHING, "/api/v1/me/interventions/" + seg + "/acknowledge", null);
            case "reflection" -> api.post(Service.COACHING, "/api/v1/me/interventions/" + seg + "/reflection",
                    Map.of("text", text == null ? "" : text));
            case "goal" -> api.post(Service.COACHING, "/api/v1/me/interventions/" + seg + "/goal",
                    Map.of("goal", text == null ? "" : text));
            case "dispute" -> api.post(Service.COACHING, "/api/v1/me/interventions/" + seg + "/dispute",
                    Map.of("reason", text == null ? "" : text));
            default -> null;
        };
        if (r == null) {
            return Response.status(404).build();
        }
        return pages.afterAction(r, "/me/plan", action, this::planPage);
    }

    /** Every kind of data the suite holds about me, with the numbers, read from my own endpoints. */
    @GET
    @Path("me/data")
    public Response myData() {
        List<ApiResult> r = api.readAll(List.of(
                new ServiceApi.Read(Service.SIGNAL, "/api/v1/me/behaviors"),
                new ServiceApi.Read(Service.COACHING, "/api/v1/me/interventions"),
                new ServiceApi.Read(Service.WELLBEING, "/api/v1/me/wellbeing"),
                new ServiceApi.Read(Service.WELLBEING, "/api/v1/me/contests"),
                new ServiceApi.Read(Service.GOVERNANCE, "/api/v1/transparency/me?limit=1")));
        ApiResult transparency = r.get(4);
        var rows = MyData.rows(answer(r.get(0)), answer(r.get(1)), answer(r.get(2)), answer(r.get(3)),
                answer(transparency));
        return pages.respond(pages.view(myData, "My data", transparency).data("rows", rows), 200);
    }

    private static MyData.Answer answer(ApiResult r) {
        return MyData.Answer.of(r.ok() ? r.body() : null, r.ok() ? null : r.error());
    }

    @GET
    @Path("me/wellbeing")
    public Response wellbeing(@QueryParam("done") String done) {
        return wellbeingPage(done, null);
    }

    private Response wellbeingPage(String done, ApiResult refused) {
        List<ApiResult> answers = api.getAll(Service.WELLBEING, List.of("/api/v1/me/wellbeing", "/api/v1/me/contests"));
        ApiResult r = answers.get(0);
        ApiResult contests = answers.get(1);
        return pages.withOutcome(pages.view(wellbeing, "My wellbeing", r).data("contests", contests.body())
                .data("contestsError", contests.error()), r, done, refused);
    }

    /** Contest an automated decision about me: wellbeing-service sends it to my supervisors' review queue. */
    @POST
    @Path("me/wellbeing/contests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response contest(@FormParam("subjectType") String subjectType, @FormParam("subjectId") String subjectId,
            @FormParam("statement") String statement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectType", subjectType);
        body.put("subjectId", subjectId);
        body.put("statement", statement);
        return pages.afterAction(api.post(Service.WELLBEING, "/api/v1/me/contests", body), "/me/wellbeing", "contest",
                this::wellbeingPage);
    }
}
