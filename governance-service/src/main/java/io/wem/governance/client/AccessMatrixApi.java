package io.wem.governance.client;

import io.wem.common.access.ServiceAccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Every service's own part of the access matrix (wem-common {@code AccessMatrixResource}). */
@Path("/api/v1/internal/access-matrix")
@Produces(MediaType.APPLICATION_JSON)
public interface AccessMatrixApi {

    /** Answers may carry fields and enum values added after this build (PeerJson). */
    @io.quarkus.rest.client.reactive.jackson.ClientObjectMapper
    static com.fasterxml.jackson.databind.ObjectMapper objectMapper(
            com.fasterxml.jackson.databind.ObjectMapper defaultObjectMapper) {
        return io.wem.common.json.PeerJson.tolerant(defaultObjectMapper);
    }

    @GET
    ServiceAccess.Published published(@HeaderParam("Authorization") String bearer);
}
