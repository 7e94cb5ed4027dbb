package io.wem.console.rest;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.wem.console.client.ApiResult;
import io.wem.console.domain.Navigation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.TreeSet;

/**
 * Renders a page with the menu and the person's name, answering with the service's status when it refused. A request
 * carrying {@value #PARTIAL} (console.js's form posts) gets only the page's {@code {#fragment id=region}}: the same
 * template and data, without the frame, so the script can swap it in place.
 */
@ApplicationScoped
public class Pages {

    /** The request header asking for the region alone, and the response header saying it is the region alone. */
    public static final String PARTIAL = "WEM-Partial";
    /** The fragment's id in the templates, and the id of its root element in the page. */
    public static final String REGION = "region";

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    /** A page whose forms are answered by {@link #afterAction}: what the last action did, or the refusal of it. */
    @FunctionalInterface
    public interface FormPage {
        Response render(String done, ApiResult refused);
    }

    public TemplateInstance page(Template template, String title) {
        Template region = REGION.equals(request.getHeader(PARTIAL)) ? template.getFragment(REGION) : null;
        return (region != null ? region : template).data("title", title)
                .data("user", identity.getPrincipal().getName())
                .data("roles", String.join(", ", new TreeSet<>(identity.getRoles())))
                .data("nav", Navigation.forRoles(identity.getRoles()));
    }

    /** The page with the service's data, or the same page carrying the readable error and the refusal's status. */
    public Response render(Template template, String title, ApiResult result) {
        return respond(view(template, title, result), result.pageStatus());
    }

    public TemplateInstance view(Template template, String title, ApiResult result) {
        return page(template, title).data("data", result.body()).data("error", result.error());
    }

    /**
     * A page that carries a form: what the last action did ({@code done}), or the service's refusal of it shown over
     * the page with the refusal's status. Re-rendered rather than redirected, so a refusal's words never travel in a
     * URL someone could forge.
     */
    public Response withOutcome(TemplateInstance page, ApiResult read, String done, ApiResult refused) {
        return respond(page.data("done", done).data("refused", refused == null ? null : refused.error()),
                refused != null ? refused.pageStatus() : read.pageStatus());
    }

    /** {@link #withOutcome} for a page that shows one service read and nothing else. */
    public Response withOutcome(Template template, String title, ApiResult read, String done, ApiResult refused) {
        return withOutcome(view(template, title, read), read, done, refused);
    }

    /**
     * After a form's action: when the service agreed, a redirect (303) to {@code success} (a path without a query)
     * with {@code ?done=}, so reloading it repeats nothing (asked for the region alone: the page's region with
     * {@code done} instead); when it refused, the form's page re-rendered with the refusal (see {@link #withOutcome}).
     */
    public Response afterAction(ApiResult result, String success, String done, FormPage page) {
        if (!result.ok()) {
            return page.render(null, result);
        }
        if (REGION.equals(request.getHeader(PARTIAL))) {
            return page.render(done, null);
        }
        return Response.seeOther(URI.create(success + "?done=" + Paths.segment(done))).build();
    }

    /** A CSV download the console renders itself. */
    public static Response csv(String text, String filename) {
        return Response.ok(text, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    public Response respond(TemplateInstance page, int status) {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page);
        if (page.getTemplate().isFragment()) {
            answer.header(PARTIAL, REGION);
        }
        return answer.build();
    }
}
