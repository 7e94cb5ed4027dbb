package io.wem.console.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.wem.console.client.ApiResult;
import io.wem.console.client.ServiceApi;
import io.wem.console.client.ServiceApi.Service;
import io.wem.console.domain.HoldForm;
import io.wem.console.domain.ReadableError;
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
import java.util.List;
import java.util.Map;

/**
 * Retention windows and legal holds, read and changed through governance-service with the person's token. A shorter
 * window and a hold's release are four-eyes changes there: the form's answer is a proposal (202), which a different
 * ciso approves on the Approvals page. Who may propose, place or approve is governance's decision, not the console's.
 */
@Path("/ciso")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RetentionPagesResource {

    @Inject
    @Location("pages/retention.html")
    Template retention;

    @Inject
    @Location("pages/holds.html")
    Template holds;

    @Inject
    ServiceApi api;

    @Inject
    Pages pages;

    @GET
    @Path("retention")
    public Response retention(@QueryParam("done") String done) {
        return retentionPage(done, null);
    }

    private Response retentionPage(String done, ApiResult refused) {
        ApiResult r = api.get(Service.GOVERNANCE, "/api/v1/retention/policies");
        return pages.withOutcome(retention, "Retention policies", r, done, refused);
    }

    /** Lengthening applies at once (200); shortening is proposed for a second person's approval (202). */
    @POST
    @Path("retention")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeWindow(@FormParam("dataClass") String dataClass, @FormParam("window") String window,
            @FormParam("legalBasis") String legalBasis, @FormParam("owner") String owner) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("window", window == null ? "" : window);
        body.put("legalBasis", legalBasis == null ? "" : legalBasis);
        body.put("owner", owner == null ? "" : owner);
        ApiResult r = api.put(Service.GOVERNANCE, "/api/v1/retention/policies/" + Paths.segment(dataClass), body);
        return pages.afterAction(r, "/ciso/retention", r.status() == 202 ? "proposed" : "changed", this::retentionPage);
    }

    @GET
    @Path("holds")
    public Response holds(@QueryParam("done") String done) {
        return holdsPage(done, null);
    }

    private Response holdsPage(String done, ApiResult refused) {
        ApiResult r = api.get(Service.GOVERNANCE, "/api/v1/legal-holds?all=true");
        return pages.withOutcome(holds, "Legal holds", r, done, refused);
    }

    @POST
    @Path("holds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response placeHold(@FormParam("caseReference") String caseReference, @FormParam("reason") String reason,
            @FormParam("agentIds") String agentIds, @FormParam("interactionIds") String interactionIds,
            @FormParam("from") String from, @FormParam("to") String to) {
        HoldForm.Parsed form = HoldForm.parse(caseReference, reason, agentIds, interactionIds, from, to);
        if (form.problem() != null) {
            return holdsPage(null, new ApiResult(400, null, ReadableError.describe("The console", 400, null,
                    "a date could not be read", List.of(form.problem()))));
        }
        return pages.afterAction(api.post(Service.GOVERNANCE, "/api/v1/legal-holds", form.body()),
                "/ciso/holds", "placed", this::holdsPage);
    }

    /** Proposes the release; the hold stays active until a different ciso approves it. */
    @POST
    @Path("holds/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response releaseHold(@PathParam("id") String id) {
        return pages.afterAction(api.post(Service.GOVERNANCE, "/api/v1/legal-holds/" + Paths.segment(id)
                + "/release", null), "/ciso/holds", "release-proposed", this::holdsPage);
    }
}
