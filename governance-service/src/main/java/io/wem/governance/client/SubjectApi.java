package io.wem.governance.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Every service's internal subject endpoints (wem-common SubjectResource). Built per service base URL by
 * {@link SubjectClients}; the bearer token is governance-service's client-credentials token.
 */
@Path("/api/v1/internal/subjects/{agentId}")
@Produces(MediaType.APPLICATION_JSON)
public interface SubjectApi {

    /** Answers may carry fields and enum values added after this build (PeerJson). */
    @io.quarkus.rest.client.reactive.jackson.ClientObjectMapper
    static com.fasterxml.jackson.databind.ObjectMapper objectMapper(
            com.fasterxml.jackson.databind.ObjectMapper defaultObjectMapper) {
        return io.wem.common.json.PeerJson.tolerant(defaultObjectMapper);
    }

    @GET
    JsonNode export(@PathParam("agentId") String agentId, @HeaderParam("Authorization") String bearer);

    @DELETE
    JsonNode erase(@PathParam("agentId") String agentId, @HeaderParam("Authorization") String bearer);
}
