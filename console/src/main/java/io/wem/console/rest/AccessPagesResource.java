package io.wem.console.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.wem.console.client.ApiResult;
import io.wem.console.client.ServiceApi;
import io.wem.console.client.ServiceApi.Service;
import io.wem.console.domain.AccessMatrixView;
import io.wem.console.domain.Csv;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CISO's access review: governance's findings and accounts, and its access matrix turned around per role (who
 * holds the role, which personal data it reaches and how far), each as a page (printable: the print styles drop the
 * menus and forms) and as CSV. governance-service decides who may read them; the console passes the token on.
 */
@Path("/ciso")
@Authenticated
@Blocking
public class AccessPagesResource {

    static final String REVIEW = "/api/v1/access/review";
    static final String MATRIX = "/api/v1/access/matrix";
    static final List<String> REVIEW_COLUMNS = List.of("account", "enabled", "roles", "groups", "lastLogin",
            "findings");
    static final List<String> MATRIX_COLUMNS = List.of("service", "method", "path", "who", "reads", "writes",
            "readsAnyAgent", "readsOwnTeams");

    @Inject
    @Location("pages/access.html")
    Template access;

    @Inject
    @Location("pages/access-matrix.html")
    Template matrix;

    @Inject
    ServiceApi api;

    @Inject
    Pages pages;

    /** Segregation-of-duties conflicts, dormant accounts and every account's roles, from governance's review. */
    @GET
    @Path("access")
    @Produces(MediaType.TEXT_HTML)
    public Response access() {
        return pages.render(access, "Access review", api.get(Service.GOVERNANCE, REVIEW));
    }

    /** One line per account: its roles, groups, last login and the review's findings about it. */
    @GET
    @Path("access.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response accessCsv() {
        ApiResult r = api.get(Service.GOVERNANCE, REVIEW);
        if (!r.ok()) {
            return pages.render(access, "Access review", r);
        }
        Map<?, ?> review = r.body() instanceof Map<?, ?> m ? m : Map.of();
        List<List<String>> rows = new ArrayList<>();
        for (Object o : list(review.get("accounts"))) {
            Map<?, ?> a = map(o);
            List<String> findings = new ArrayList<>();
            for (Object f : list(review.get("findings"))) {
                Map<?, ?> finding = map(f);
                if (a.get("username") != null && a.get("username").equals(finding.get("username"))) {
                    findings.add(finding.get("type") + " (" + finding.get("severity") + "): " + finding.get("detail"));
                }
            }
            rows.add(List.of(text(a.get("username")), text(a.get("enabled")), joined(a.get("roles")),
                    joined(a.get("groups")), text(a.get("lastLogin")), String.join("; ", findings)));
        }
        return Pages.csv(Csv.of(REVIEW_COLUMNS, rows), "access-review.csv");
    }

    /**
     * The matrix per role, with the accounts that hold each role. The review (for the accounts) is read beside the
     * matrix; when governance refuses it (a governance-admin may read the matrix but not the review), the roles are
     * shown without accounts and the page says why.
     */
    @GET
    @Path("access/matrix")
    @Produces(MediaType.TEXT_HTML)
    public Response matrix() {
        List<ApiResult> answers = api.getAll(Service.GOVERNANCE, List.of(MATRIX, REVIEW));
        ApiResult m = answers.get(0);
        ApiResult review = answers.get(1);
        var page = pages.view(matrix, "Access matrix", m);
        if (m.ok()) {
            page.data("roleRows", AccessMatrixView.byRole(m.body(), review.ok() ? review.body() : null))
                    .data("endpoints", AccessMatrixView.endpoints(m.body()))
                    .data("sources", AccessMatrixView.sources(m.body()))
                    .data("accountsError", review.ok() ? null : review.error());
        }
        return pages.respond(page, m.pageStatus());
    }

    @GET
    @Path("access/matrix.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response matrixCsv() {
        ApiResult m = api.get(Service.GOVERNANCE, MATRIX);
        if (!m.ok()) {
            return pages.render(matrix, "Access matrix", m);
        }
        List<List<String>> rows = new ArrayList<>();
        for (AccessMatrixView.EndpointRow e : AccessMatrixView.endpoints(m.body())) {
            rows.add(List.of(e.service(), e.method(), e.path(), e.who(), String.join("; ", e.reads()),
                    String.join("; ", e.writes()), String.join("; ", e.allAgents()),
                    String.join("; ", e.teamRoles())));
        }
        return Pages.csv(Csv.of(MATRIX_COLUMNS, rows), "access-matrix.csv");
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static String joined(Object o) {
        List<String> out = new ArrayList<>();
        for (Object v : list(o)) {
            out.add(String.valueOf(v));
        }
        return String.join("; ", out);
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
