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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CISO pages: the audit chain's verification and the retention compliance report (page and CSV). */
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
    ServiceApi api;

    @Inject
    Pages pages;

    /** The verification runs only when asked (a GET form: it changes nothing but is a full walk of the chain). */
    @GET
    @Path("audit")
    @Produces(MediaType.TEXT_HTML)
    public Response audit(@QueryParam("verify") String verify) {
        if (verify == null) {
            return pages.render(audit, "Audit log", new ApiResult(200, null, null));
        }
        return pages.render(audit, "Audit log", api.get(Service.GOVERNANCE, "/api/v1/audit/verify"));
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
        return Response.ok(Csv.of(COMPLIANCE_COLUMNS, rows), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"retention-compliance.csv\"").build();
    }
}
