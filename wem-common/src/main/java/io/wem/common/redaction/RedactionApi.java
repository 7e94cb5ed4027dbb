package io.wem.common.redaction;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.wem.common.contracts.RedactionRequest;
import io.wem.common.contracts.RedactionResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * governance-service's redaction endpoint for free text people type (coaching notes, reflections, disputes, goals),
 * called with the service's client-credentials token. Base URL: quarkus.rest-client.redaction.url.
 */
@RegisterRestClient(configKey = "redaction")
@OidcClientFilter
@Path("/api/v1/redactions")
public interface RedactionApi {

    /** Answers may carry fields and enum values added after this build (PeerJson). */
    @io.quarkus.rest.client.reactive.jackson.ClientObjectMapper
    static com.fasterxml.jackson.databind.ObjectMapper objectMapper(
            com.fasterxml.jackson.databind.ObjectMapper defaultObjectMapper) {
        return io.wem.common.json.PeerJson.tolerant(defaultObjectMapper);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    RedactionResponse redact(RedactionRequest request);
}
