package io.wem.common.access;

import io.wem.common.retention.PersonalDataStore;
import io.wem.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * This service's part of the suite's access matrix, read from its own code at run time: every resource class the
 * application serves (they are CDI beans in Quarkus REST), each operation's roles and personal-data classes.
 * governance-service assembles the four services' answers into {@code GET /api/v1/access/matrix}.
 */
@Path("/api/v1/internal/access-matrix")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access matrix (internal)")
@SecurityRequirement(name = "bearer")
public class AccessMatrixResource {

    /** What a service publishes; {@code undeclared} lists operations without a data-class declaration. */
    public record Published(String service, List<Endpoint> endpoints, List<String> undeclared) {
    }

    @Inject
    BeanManager beans;

    @Inject
    Instance<PersonalDataStore> stores;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private volatile Published published;

    @GET
    @RolesAllowed({Roles.SERVICE, Roles.CISO, Roles.GOVERNANCE_ADMIN, Roles.PLATFORM_ADMIN})
    @NoPersonalData
    @Operation(operationId = "internalAccessMatrix", summary = "This service's endpoints, roles and data classes",
            description = "Generated from the running code: each operation's method and path, its @RolesAllowed "
                    + "(or @PermitAll/@Authenticated), and the data classes of personal data it reads and writes "
                    + "(@PersonalData). For governance-service's suite-wide matrix and for auditors.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples =
        @ExampleObject(name = "one endpoint", value = "{\"service\":\"signal-service\",\"endpoints\":[{\"method\":"
                + "\"GET\",\"path\":\"/api/v1/gaps\",\"security\":\"ROLES\",\"roles\":[\"agent\",\"coach\","
                + "\"qa-analyst\",\"service\",\"supervisor\"],\"dataClasses\":[\"interaction-signal\"],\"reads\":"
                + "[\"interaction-signal\"],\"writes\":[],\"allAgents\":[\"qa-analyst\"],\"teamRoles\":[],\"declared\":true,"
                + "\"operation\":\"GapResource#list\"}],\"undeclared\":[]}")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a service account, ciso, governance-admin or platform-admin")
    public Published matrix() {
        if (published == null) {
            // the code does not change while the service runs: build once
            List<Class<?>> resources = new ArrayList<>();
            for (Bean<?> b : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                if (EndpointInventory.resourceOf(b.getBeanClass()) != null) {
                    resources.add(b.getBeanClass());
                }
            }
            Set<String> held = new TreeSet<>();
            stores.forEach(s -> held.add(s.dataClass()));
            List<Endpoint> endpoints = EndpointInventory.of(resources, held);
            published = new Published(service, endpoints, EndpointInventory.undeclared(endpoints));
        }
        return published;
    }
}
