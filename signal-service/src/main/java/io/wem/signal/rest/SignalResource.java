package io.wem.signal.rest;

import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Roles;
import io.wem.signal.api.IngestResult;
import io.wem.signal.api.Signal;
import io.wem.signal.api.SignalBatch;
import io.wem.signal.config.SignalConfig;
import io.wem.signal.domain.SignalRules;
import io.wem.signal.service.IngestService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/signals")
@Tag(name = "Signals")
@SecurityRequirement(name = "bearer")
public class SignalResource {

    static final String EXAMPLE = "{\"signals\":["
            + "{\"kind\":\"interaction\",\"eventId\":\"evt-7f3a\",\"occurredAt\":\"2026-11-25T09:14:00Z\","
            + "\"interactionId\":\"int-100234\",\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\","
            + "\"channel\":\"voice\",\"queue\":\"billing\",\"contactReason\":\"billing-dispute\","
            + "\"startedAt\":\"2026-11-25T09:05:00Z\",\"talkSeconds\":420,\"holdSeconds\":35,\"holdCount\":1,"
            + "\"acwSeconds\":95,\"transfers\":0,\"disposition\":\"resolved\",\"repeatContact\":false,"
            + "\"escalated\":false,\"abusiveCustomer\":false},"
            + "{\"kind\":\"qa-evaluation\",\"eventId\":\"evt-qa-11\",\"occurredAt\":\"2026-11-25T10:00:00Z\","
            + "\"evaluationId\":\"qa-5521\",\"interactionId\":\"int-100234\",\"agentId\":\"agent-north-01\","
            + "\"teamId\":\"team-north\",\"evaluator\":\"qa-analyst-3\",\"automated\":false,"
            + "\"criteria\":[{\"criterion\":\"empathy\",\"score\":80}],"
            + "\"checklist\":[{\"item\":\"confirmation-statement\",\"passed\":true}],\"totalScore\":86},"
            + "{\"kind\":\"survey\",\"eventId\":\"evt-sv-1\",\"occurredAt\":\"2026-11-25T11:00:00Z\","
            + "\"interactionId\":\"int-100234\",\"csat\":4,\"nps\":9},"
            + "{\"kind\":\"sentiment\",\"eventId\":\"evt-se-1\",\"occurredAt\":\"2026-11-25T09:15:00Z\","
            + "\"interactionId\":\"int-100234\",\"score\":-0.4},"
            + "{\"kind\":\"adherence\",\"eventId\":\"evt-ad-1\",\"occurredAt\":\"2026-11-25T10:00:00Z\","
            + "\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\",\"intervalStart\":\"2026-11-25T09:00:00Z\","
            + "\"intervalEnd\":\"2026-11-25T10:00:00Z\",\"adherencePct\":92.5,\"breakTaken\":true,"
            + "\"breaks\":[{\"start\":\"2026-11-25T09:40:00Z\",\"end\":\"2026-11-25T09:50:00Z\",\"type\":\"break\"}]},"
            + "{\"kind\":\"staffing\",\"eventId\":\"evt-st-1\",\"occurredAt\":\"2026-11-25T09:00:00Z\","
            + "\"teamId\":\"team-north\",\"queue\":\"billing\",\"intervalStart\":\"2026-11-25T09:00:00Z\","
            + "\"intervalEnd\":\"2026-11-25T09:30:00Z\",\"scheduledAgents\":12,\"requiredAgents\":15,\"occupancy\":0.93},"
            + "{\"kind\":\"transcript\",\"eventId\":\"evt-tr-1\",\"occurredAt\":\"2026-11-25T09:15:00Z\","
            + "\"interactionId\":\"int-100234\",\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\","
            + "\"text\":\"Customer disputes a double charge; confirmed the refund before closing.\"},"
            + "{\"kind\":\"live-monitoring\",\"eventId\":\"evt-lm-1\",\"occurredAt\":\"2026-11-25T09:20:00Z\","
            + "\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\",\"monitor\":\"supervisor1\","
            + "\"at\":\"2026-11-25T09:20:00Z\"}]}";

    @Inject
    ObjectMapper json;

    @Inject
    IngestService ingest;

    @Inject
    SignalConfig config;

    /** 503 body when governance could not redact: problem details plus what happened to the rest of the batch. */
    @Schema(name = "RedactionUnavailableProblem")
    public record RefusalProblem(String type, String title, int status, String detail, int accepted, int duplicates,
                                 List<String> refusedEventIds) {
    }

    @POST
    @PersonalData(writes = {DataClasses.INTERACTION_SIGNAL, DataClasses.TRANSCRIPT})
    @RolesAllowed(Roles.INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push a batch of performance signals",
            description = "Up to 1,000 signals and 1 MB per request; `kind` selects each signal's shape (see the Signal "
                    + "schema). Idempotent by `eventId`: a re-sent signal is counted as a duplicate and stored once. "
                    + "Order does not matter: baselines use `occurredAt`. Transcript text is redacted by "
                    + "governance-service before it is stored. If governance cannot redact, the structured signals of "
                    + "the batch are still stored, the text-bearing ones are not, and the answer is 503 with "
                    + "Retry-After listing `refusedEventIds`: re-send the whole batch later (already stored signals "
                    + "then count as duplicates).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignalBatch.class),
            examples = @ExampleObject(name = "one of each kind", value = EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Stored (accepted) or already stored (duplicates)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class),
                    examples = @ExampleObject(name = "ok", value = "{\"accepted\":7,\"duplicates\":1}")))
    @APIResponse(responseCode = "400", description = "A field is invalid; `errors[].field` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing agent", value = "{\"type\":\"https://wem.io/problems/validation\","
                            + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"signals[3].agentId: must not be blank\","
                            + "\"errors\":[{\"field\":\"signals[3].agentId\",\"message\":\"must not be blank\"}]}")))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the integration role")
    @APIResponse(responseCode = "413", description = "More than 1,000 signals or more than 1 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "governance-service could not redact free text: text-bearing "
            + "signals refused (listed), the rest stored; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = RefusalProblem.class),
                    examples = @ExampleObject(name = "governance down", value = "{\"type\":"
                            + "\"https://wem.io/problems/redaction-unavailable\",\"title\":\"Service unavailable\","
                            + "\"status\":503,\"detail\":\"governance-service could not redact free text\","
                            + "\"accepted\":6,\"duplicates\":0,\"refusedEventIds\":[\"evt-tr-1\"]}")))
    public Response ingest(byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("body", "must not be empty");
        }
        if (body.length > config.ingest().maxBytes()) {
            throw ProblemException.tooLarge("body", "request body is " + body.length + " bytes; at most "
                    + config.ingest().maxBytes() + " allowed");
        }
        SignalBatch batch;
        try {
            batch = json.readValue(body, SignalBatch.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonProblems.from(e);
        }
        if (batch == null || batch.signals() == null) {
            throw ProblemException.badRequest("signals", "must not be null");
        }
        if (batch.signals().size() > config.ingest().maxBatch()) {
            throw ProblemException.tooLarge("signals", batch.signals().size() + " signals; at most "
                    + config.ingest().maxBatch() + " per request");
        }
        if (batch.signals().isEmpty()) {
            throw ProblemException.badRequest("signals", "must not be empty");
        }
        Instant now = Instant.now();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int k = 0; k < batch.signals().size(); k++) {
            for (SignalRules.FieldError e : SignalRules.validate(batch.signals().get(k), "signals[" + k + "]", now)) {
                errors.add(new Problem.FieldError(e.field(), e.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation(errors));
        }
        IngestService.Outcome outcome = ingest.ingest(batch.signals());
        if (!outcome.refused().isEmpty()) {
            RefusalProblem p = new RefusalProblem("https://wem.io/problems/redaction-unavailable", "Service unavailable",
                    503, outcome.refusalReason() + "; text-bearing signals were not stored, re-send the batch later",
                    outcome.accepted(), outcome.duplicates(), outcome.refused().stream().map(Signal::eventId).toList());
            return Response.status(503).type(Problem.MEDIA).header("Retry-After", config.ingest().retryAfterSeconds())
                    .entity(p).build();
        }
        return Response.accepted(new IngestResult(outcome.accepted(), outcome.duplicates()))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
