package io.wem.console.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.wem.console.client.ApiResult;
import io.wem.console.client.ServiceApi;
import io.wem.console.client.ServiceApi.Service;
import io.wem.console.domain.IntervalBar;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Effectiveness per playbook, each estimate drawn with its 95 % interval (coaching-service computes them). */
@Path("/playbooks")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class PlaybookResource {

    static final int WIDTH = 240;

    /** One playbook's row: its answer, or the readable reason it has none. */
    public record Row(String id, String title, Object effectiveness, IntervalBar success, IntervalBar effect,
                      String error) {
    }

    @Inject
    @Location("pages/playbooks.html")
    Template playbooks;

    @Inject
    ServiceApi api;

    @Inject
    Pages pages;

    @GET
    public Response list() {
        ApiResult all = api.get(Service.COACHING, "/api/v1/playbooks");
        List<String> ids = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        if (all.ok() && all.body() instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> p && p.get("id") != null) {
                    ids.add(p.get("id").toString());
                    titles.add(p.get("title") == null ? null : p.get("title").toString());
                }
            }
        }
        List<ApiResult> answers = api.getAll(Service.COACHING,
                ids.stream().map(id -> "/api/v1/playbooks/" + Paths.segment(id) + "/effectiveness").toList());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            rows.add(row(ids.get(i), titles.get(i), answers.get(i)));
        }
        return pages.respond(pages.view(playbooks, "Effectiveness per playbook", all).data("rows", rows)
                .data("zeroX", IntervalBar.zeroX(-1, 1, WIDTH)).data("width", WIDTH), all.pageStatus());
    }

    private static Row row(String id, String title, ApiResult r) {
        if (!r.ok() || !(r.body() instanceof Map<?, ?> e)) {
            return new Row(id, title, null, null, null, r.error());
        }
        return new Row(id, title, e,
                IntervalBar.of("success rate", num(e, "successRate"), num(e, "successRateCiLow"),
                        num(e, "successRateCiHigh"), 0, 1, WIDTH),
                IntervalBar.of("mean effect", num(e, "meanEffect"), num(e, "meanEffectCiLow"), num(e, "meanEffectCiHigh"),
                        -1, 1, WIDTH), null);
    }

    private static Double num(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : null;
    }
}
