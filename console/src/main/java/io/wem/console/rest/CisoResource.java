package io.wem.console.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.wem.console.client.ApiResult;
import io.wem.console.client.ServiceApi;
import io.wem.console.client.ServiceApi.Service;
import io.wem.console.domain.Csv;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CISO and governance pages: the audit log (search, export, the chain's verification), the retention compliance
 * report (page and CSV) and four-eyes approvals (the access review is AccessPagesResource; retention windows and legal
 * holds RetentionPagesResource). governance-service decides who may read or do each; the console passes the person's
 * token on.
 */
@Path("/ciso")
@Authenticated
@Blocking
public class CisoResource {

    static final List<String> COMPLIANCE_COLUMNS = List.of("service", "dataClass", "window", "lastPurgeAt",
            "lastPurged", "lastRetainedByHold", "oldestRemaining", "oldestRemainingAgeDays", "breach", "status",
            "explanation");

    @Inject
    @Location("pages/audit.html")
    Template audit;

    @Inject
    @Location("pages/compliance.html")
    Template compliance;

    @Inject
    @Location("pages/approvals.html")
    Template approvals;

    @Inject
    ServiceApi api;

    @Inject
    Pages pages;

    /**
     * The audit log: a search (governance's query, itself audited) and, only when asked, the chain's verification (a
     * full walk of the chain). Filters travel as query parameters, so a search can be bookmarked and printed.
     */
    @GET
    @Path("audit")
    @Produces(MediaType.TEXT_HTML)
    public Response audit(@QueryParam("verify") String verify, @BeanParam AuditFilter filter) {
        // verification and search at once: the page waits for the longer of the two, not for both in turn
        List<String> reads = new java.util.ArrayList<>();
        if (verify != null) {
            reads.add("/api/v1/audit/verify");
        }
        if (filter.searched()) {
            reads.add("/api/v1/audit/events" + filter.query(true));
        }
        List<ApiResult> answers = reads.isEmpty() ? List.of() : api.getAll(Service.GOVERNANCE, reads);
        ApiResult verification = verify == null ? null : answers.get(0);
        ApiResult events = filter.searched() ? answers.get(answers.size() - 1) : null;
        ApiResult status = verification != null && !verification.ok() ? verification
                : events != null ? events : new ApiResult(200, null, null);
        var page = pages.view(audit, "Audit log", status)
                .data("verification", verification == null ? null : verification.body())
                .data("events", events == null ? null : events.body()).data("filter", filter)
                .data("exportQuery", filter.query(false))
                .data("nextPage", events != null && events.ok() ? filter.nextPage(events.body()) : null);
        return pages.respond(page, status.pageStatus());
    }

    /** governance's own CSV export of the same filters (hashes included, verifiable offline), passed through. */
    @GET
    @Path("audit.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response auditCsv(@BeanParam AuditFilter filter) {
        String query = filter.query(false);
        return download(Service.GOVERNANCE, "/api/v1/audit/export" + (query.isEmpty() ? "?" : query + "&")
                + "format=csv", "audit-log.csv", "Audit log");
    }

    private Response download(Service service, String path, String filename, String title) {
        ServiceApi.Download d = api.getCsv(service, path);
        if (!d.result().ok()) {
            return pages.render(audit, title, d.result());
        }
        var ok = Response.ok(d.text(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        if (d.auditCheckpoint() != null) {
            ok.header("X-Audit-Checkpoint", d.auditCheckpoint());
        }
        return ok.build();
    }

    @GET
    @Path("compliance")
    @Produces(MediaType.TEXT_HTML)
    public Response compliance() {
        return pages.render(compliance, "Retention compliance",
                api.get(Service.GOVERNANCE, "/api/v1/retention/compliance"));
    }

    @GET
    @Path("compliance.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response complianceCsv() {
        ApiResult r = api.get(Service.GOVERNANCE, "/api/v1/retention/compliance");
        if (!r.ok()) {
            return pages.render(compliance, "Retention compliance", r);
        }
        List<List<String>> rows = new ArrayList<>();
        if (r.body() instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> row = o instanceof Map<?, ?> m ? m : Map.of();
                List<String> cells = new ArrayList<>();
                for (String c : COMPLIANCE_COLUMNS) {
                    Object v = row.get(c);
                    cells.add(v == null ? "" : v.toString());
                }
                rows.add(cells);
            }
        }
        return Pages.csv(Csv.of(COMPLIANCE_COLUMNS, rows), "retention-compliance.csv");
    }

    @GET
    @Path("approvals")
    @Produces(MediaType.TEXT_HTML)
    public Response approvals(@QueryParam("done") String done) {
        return approvalsPage(done, null);
    }

    private Response approvalsPage(String done, ApiResult refused) {
        ApiResult r = api.get(Service.GOVERNANCE, "/api/v1/approvals?all=true");
        return pages.withOutcome(approvals, "Approvals", r, done, refused);
    }

    /** Approve or reject a proposed change; governance refuses the proposer's own approval (four eyes). */
    @POST
    @Path("approvals/{id}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(@PathParam("id") String id, @PathParam("decision") String decision,
            @FormParam("reason") String reason) {
        String path = "/api/v1/approvals/" + Paths.segment(id) + "/";
        ApiResult r = switch (decision) {
            case "approve" -> api.post(Service.GOVERNANCE, path + "approve", null);
            case "reject" -> api.post(Service.GOVERNANCE, path + "reject", Map.of("reason", reason == null ? "" : reason));
            default -> null;
        };
        if (r == null) {
            return Response.status(404).build();
        }
        return pages.afterAction(r, "/ciso/approvals", decision, this::approvalsPage);
    }
}
