package io.wem.console.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @Inject
    @Location("pages/home.html")
    Template home;

    @Inject
    @Location("pages/logged-out.html")
    Template loggedOut;

    @Inject
    Pages pages;

    @GET
    @Authenticated
    public TemplateInstance home() {
        return pages.page(home, "WEM console");
    }

    /** Where Keycloak sends people back after logout; public. */
    @GET
    @Path("logged-out")
    public TemplateInstance loggedOut() {
        return loggedOut.data("title", "Signed out");
    }
}
