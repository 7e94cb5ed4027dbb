package io.wem.governance.rest;

import io.wem.common.contracts.RedactionRequest;
import io.wem.common.contracts.RedactionResponse;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.AllowedClients;
import io.wem.common.security.Roles;
import io.wem.governance.service.RedactionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** PCI redaction for the suite's services: they call it before storing any free text. */
@Path("/api/v1/redactions")
@Tag(name = "Redaction")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RedactionResource {

    @Inject
    RedactionService service;

    @Inject
    CurrentCaller caller;

    @POST
    @RolesAllowed(Roles.SVC_REDACTION)
    @AllowedClients("signal-service")
    @Operation(summary = "Redact card data from a batch of texts",
            description = "Finds primary account numbers (typed or spoken, Luhn- and issuer-checked), card security "
                    + "codes and expiry dates (only where the context says so) and replaces them with [PAN], [CVV], "
                    + "[EXPIRY] (or [PAN ****1234] with keepLastFour). Findings give type, offsets in the original "
                    + "text (end exclusive) and confidence, never the secret. Service accounts with role "
                    + "svc-redaction only; people get 403. Limits: wem.governance.redaction.max-texts and max-bytes "
                    + "(413 when exceeded).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "transcript",
            value = "{\"texts\":[\"sure, it's four one one one one one one one one one one one one one one one, "
                    + "expires twelve twenty seven\"],\"keepLastFour\":false}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples =
        @ExampleObject(name = "redacted", value = "{\"results\":[{\"text\":\"sure, it's [PAN], expires [EXPIRY]\","
                + "\"findings\":[{\"type\":\"PAN\",\"start\":11,\"end\":90,\"confidence\":0.9},"
                + "{\"type\":\"EXPIRY\",\"start\":100,\"end\":119,\"confidence\":0.9}]}]}")))
    @APIResponse(responseCode = "400", description = "Malformed body, unknown field or null text (problem+json)")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a service account with svc-redaction")
    @APIResponse(responseCode = "413", description = "Too many texts or bytes (problem+json naming texts)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "too-many",
                    value = "{\"type\":\"https://wem.io/problems/too-large\",\"title\":\"Payload too large\","
                            + "\"status\":413,\"detail\":\"at most 1000 texts per request, got 1001\","
                            + "\"errors\":[{\"field\":\"texts\",\"message\":\"at most 1000 texts per request, got 1001\"}]}")))
    public RedactionResponse redact(RedactionRequest request) {
        // The role alone is not enough: a person must never be able to use the service as a card-number oracle.
        if (caller.get().clientId() == null) {
            throw ProblemException.forbidden("redaction is for service accounts only");
        }
        return service.redact(request);
    }
}
