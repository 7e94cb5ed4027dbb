package io.wem.common.directory;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * governance-service's internal directory endpoints, called with the service's client-credentials token.
 * Base URL: quarkus.rest-client.directory.url (governance-service). A 404 for an agent means "unknown agent".
 */
@RegisterRestClient(configKey = "directory")
@OidcClientFilter
@Path("/api/v1/internal/directory")
@Produces(MediaType.APPLICATION_JSON)
public interface DirectoryApi {

    /** Answers may carry fields and enum values added after this build (PeerJson). */
    @io.quarkus.rest.client.reactive.jackson.ClientObjectMapper
    static com.fasterxml.jackson.databind.ObjectMapper objectMapper(
            com.fasterxml.jackson.databind.ObjectMapper defaultObjectMapper) {
        return io.wem.common.json.PeerJson.tolerant(defaultObjectMapper);
    }

    @GET
    @Path("/agents/{agentId}")
    AgentPlacement agent(@PathParam("agentId") String agentId);

    @GET
    @Path("/people/{username}")
    PersonPlacement person(@PathParam("username") String username);

    @GET
    @Path("/teams/{teamId}/assignments")
    List<String> assignees(@PathParam("teamId") String teamId, @QueryParam("role") String role);
}
