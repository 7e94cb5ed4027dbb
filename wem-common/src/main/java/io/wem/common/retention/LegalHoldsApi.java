package io.wem.common.retention;

import io.wem.common.contracts.LegalHoldScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** governance-service's internal endpoint listing the active legal holds (client credentials, role service). */
@Path("/api/v1/internal/legal-holds/active")
@Produces(MediaType.APPLICATION_JSON)
public interface LegalHoldsApi {

    /** Answers may carry fields and enum values added after this build (PeerJson). */
    @io.quarkus.rest.client.reactive.jackson.ClientObjectMapper
    static com.fasterxml.jackson.databind.ObjectMapper objectMapper(
            com.fasterxml.jackson.databind.ObjectMapper defaultObjectMapper) {
        return io.wem.common.json.PeerJson.tolerant(defaultObjectMapper);
    }

    @GET
    List<LegalHoldScope> active(@HeaderParam("Authorization") String bearer);
}
