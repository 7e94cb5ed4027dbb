package io.wem.governance.rest;

import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @PersonalData(reads = DataClasses.TRANSCRIPT)
    @RolesAllowed(Roles.SVC_REDACTION)
    @AllowedClients({"signal-service", "coaching-service"})
    @Operation(operationId = "redact", summary = "Redact card data from texts and whole conversations",
            description = "Finds primary account numbers (typed with any separators, spoken, or mixed; every run of "
                    + "12-19 digits that passes Luhn and is in a known issuer range is redacted whatever the words "
                    + "around it), card security codes and expiry dates (near card context) and replaces them with "
                    + "[PAN], [CVV], [EXPIRY] (or [PAN ****1234] with keepLastFour). `texts` are redacted one by one "
                    + "and answered in `results`; each of `conversations` is redacted as one transcript, so a number "
                    + "a speaker spreads over several turns (even with the other party's turns in between) is found, "
                    + "and is answered in `conversations` with one result per turn, in order. A list not asked for "
                    + "comes back empty. A turn without a speaker counts as one more speaker. Findings give type, "
                    + "offsets in the original text of that text or turn (end exclusive) and confidence, never the "
                    + "secret. Service accounts with role svc-redaction only; people get 403. Limits: "
                    + "wem.governance.redaction.max-texts (texts and turns together) and max-bytes (413 when "
                    + "exceeded).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
        @ExampleObject(name = "transcript",
            value = "{\"texts\":[\"sure, it's four one one one one one one one one one one one one one one one, "
                    + "expires twelve twenty seven\"],\"keepLastFour\":false}"),
        @ExampleObject(name = "conversation", value = "{\"conversations\":[{\"turns\":["
                    + "{\"speaker\":\"customer\",\"text\":\"it's 6210\"},"
                    + "{\"speaker\":\"agent\",\"text\":\"okay\"},"
                    + "{\"speaker\":\"customer\",\"text\":\"5294 3056 0575 458\"}]}],\"keepLastFour\":false}")}))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RedactionResponse.class), examples = {
        @ExampleObject(name = "redacted", value = "{\"results\":[{\"text\":\"sure, it's [PAN], expires [EXPIRY]\","
                + "\"findings\":[{\"type\":\"PAN\",\"start\":11,\"end\":90,\"confidence\":0.9},"
                + "{\"type\":\"EXPIRY\",\"start\":100,\"end\":119,\"confidence\":0.9}]}],\"conversations\":[]}"),
        @ExampleObject(name = "conversation-redacted", value = "{\"results\":[],\"conversations\":[{\"turns\":["
                + "{\"text\":\"it's [PAN]\",\"findings\":[{\"type\":\"PAN\",\"start\":5,\"end\":9,\"confidence\":0.95}]},"
                + "{\"text\":\"okay\",\"findings\":[]},"
                + "{\"text\":\"[PAN]\",\"findings\":[{\"type\":\"PAN\",\"start\":0,\"end\":18,\"confidence\":0.95}]}]}]}")}))
    @APIResponse(responseCode = "400", description = "Malformed body, unknown field, neither texts nor conversations, "
            + "or a null text, conversation, turn or turn text (problem+json naming the field, e.g. "
            + "conversations[0].turns[2].text)")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a service account with svc-redaction")
    @APIResponse(responseCode = "413", description = "Too many texts and turns, or bytes (problem+json naming texts "
            + "or conversations)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "too-many",
                    value = "{\"type\":\"https://wem.io/problems/too-large\",\"title\":\"Payload too large\","
                            + "\"status\":413,\"detail\":\"at most 1000 texts (texts and turns together) per request, got 1001\","
                            + "\"errors\":[{\"field\":\"texts\",\"message\":\"at most 1000 texts (texts and turns together) per request, got 1001\"}]}")))
    public RedactionResponse redact(RedactionRequest request) {
        // The role alone is not enough: a person must never be able to use the service as a card-number oracle.
        if (caller.get().clientId() == null) {
            throw ProblemException.forbidden("redaction is for service accounts only");
        }
        return service.redact(request);
    }
}
