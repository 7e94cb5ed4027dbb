package io.wem.governance.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * Keycloak's admin REST API, called with governance-service's client-credentials token (its service account needs
 * realm-management view-users and view-events). Base URL: wem.governance.keycloak.admin-url.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/admin/realms/{realm}")
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakAdminClient {

    /** Answers may carry fields and enum values added after this build (PeerJson). */
    @io.quarkus.rest.client.reactive.jackson.ClientObjectMapper
    static com.fasterxml.jackson.databind.ObjectMapper objectMapper(
            com.fasterxml.jackson.databind.ObjectMapper defaultObjectMapper) {
        return io.wem.common.json.PeerJson.tolerant(defaultObjectMapper);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KcUser(String id, String username, Boolean enabled, Long createdTimestamp,
                  Map<String, List<String>> attributes, String firstName, String lastName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KcRole(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KcGroup(String name, String path) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KcEvent(Long time, String type, String userId) {
    }

    @GET
    @Path("/users")
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200)
    List<KcUser> users(@PathParam("realm") String realm, @QueryParam("first") int first, @QueryParam("max") int max,
                       @QueryParam("briefRepresentation") boolean brief);

    /** Effective realm roles, including those inherited from composites and groups. */
    @GET
    @Path("/users/{id}/role-mappings/realm/composite")
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200)
    List<KcRole> realmRoles(@PathParam("realm") String realm, @PathParam("id") String userId);

    @GET
    @Path("/users/{id}/groups")
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200)
    List<KcGroup> groups(@PathParam("realm") String realm, @PathParam("id") String userId);

    /** Top-level groups of the realm (the directory's teams when synced from Keycloak). */
    @GET
    @Path("/groups")
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200)
    List<KcGroup> allGroups(@PathParam("realm") String realm, @QueryParam("first") int first, @QueryParam("max") int max);

    /** Login events (needs events enabled in the realm); newest first. */
    @GET
    @Path("/events")
    @Timeout(5000)
    List<KcEvent> loginEvents(@PathParam("realm") String realm, @QueryParam("type") String type,
                              @QueryParam("user") String userId, @QueryParam("max") int max);
}
