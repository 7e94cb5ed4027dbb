package io.wem.coaching.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.wem.common.contracts.GuardrailDecision;
import io.wem.common.contracts.GuardrailEvaluationRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** wellbeing-service's guardrail endpoint, called with coaching-service's client credentials (svc-guardrail). */
@RegisterRestClient(configKey = "wellbeing")
@OidcClientFilter
@Path("/api/v1/guardrails/evaluations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface WellbeingClient {

    /** Answers may carry fields and enum values added after this build (PeerJson). */
    @io.quarkus.rest.client.reactive.jackson.ClientObjectMapper
    static com.fasterxml.jackson.databind.ObjectMapper objectMapper(
            com.fasterxml.jackson.databind.ObjectMapper defaultObjectMapper) {
        return io.wem.common.json.PeerJson.tolerant(defaultObjectMapper);
    }

    @POST
    GuardrailDecision evaluate(GuardrailEvaluationRequest request);
}
