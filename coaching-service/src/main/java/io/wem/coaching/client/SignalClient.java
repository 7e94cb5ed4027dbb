package io.wem.coaching.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.wem.common.contracts.MeasurementSeries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** signal-service's measurements endpoint, called with coaching-service's client credentials (svc-measurements). */
@RegisterRestClient(configKey = "signal")
@OidcClientFilter
@Path("/api/v1/agents/{agentId}/behaviors/{behaviorId}/measurements")
@Produces(MediaType.APPLICATION_JSON)
public interface SignalClient {

    /** Answers may carry fields and enum values added after this build (PeerJson). */
    @io.quarkus.rest.client.reactive.jackson.ClientObjectMapper
    static com.fasterxml.jackson.databind.ObjectMapper objectMapper(
            com.fasterxml.jackson.databind.ObjectMapper defaultObjectMapper) {
        return io.wem.common.json.PeerJson.tolerant(defaultObjectMapper);
    }

    @GET
    MeasurementSeries measurements(@PathParam("agentId") String agentId, @PathParam("behaviorId") String behaviorId,
                                   @QueryParam("from") String from, @QueryParam("to") String to);
}
