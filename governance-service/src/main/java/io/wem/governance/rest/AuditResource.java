package io.wem.governance.rest;

import io.wem.common.access.NoPersonalData;
import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.security.CurrentCaller;
import io.wem.common.security.Roles;
import io.wem.governance.domain.audit.AuditChain;
import io.wem.governance.domain.audit.AuditRecord;
import io.wem.governance.domain.audit.Checkpoint;
import io.wem.governance.persistence.AuditLogRepository;
import io.wem.governance.service.AuditLogService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The CISO's view of the audit log: query, streamed export, chain verification. Every use is itself audited. */
@Path("/api/v1/audit")
@Tag(name = "Audit log")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    static final String EXAMPLE_ENTRY = "{\"sequence\":42,\"auditId\":\"7f0c1d2e-0b7e-4a5f-9a57-1c7f3c1e9b11\","
            + "\"service\":\"signal-service\",\"actor\":\"supervisor1\",\"actorRoles\":[\"supervisor\"],"
            + "\"subject\":\"agent-north-01\",\"action\":\"READ\",\"resource\":\"signal-service:gaps\","
            + "\"purpose\":\"coaching preparation\",\"outcome\":\"SUCCESS\",\"occurredAt\":\"2026-03-02T09:14:05.120Z\","
            + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"recordedAt\":\"2026-03-02T09:14:05.301Z\","
            + "\"prevHash\":\"9c1e...\",\"hash\":\"e3b0...\"}";

    @Inject
    AuditLogService auditLog;

    @Inject
    AuditLogRepository repository;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    @Schema(name = "AuditEntry", description = "One entry of the hash-chained audit log")
    public record Entry(long sequence, String auditId, String service, String actor, List<String> actorRoles,
                        String subject, String action, String resource, String purpose, String outcome,
                        Instant occurredAt, String traceId, Instant recordedAt, String prevHash, String hash) {
        static Entry of(AuditRecord r) {
            return new Entry(r.sequence(), r.auditId(), r.service(), r.actor(), r.actorRoles(), r.subject(),
                    r.action(), r.resource(), r.purpose(), r.outcome(), r.occurredAt(), r.traceId(), r.recordedAt(),
                    r.prevHash(), r.hash());
        }
    }

    @Schema(name = "AuditPage")
    public record PageDto(List<Entry> items, int page, int size, long total) {
    }

    @Schema(name = "AuditVerification")
    public record VerifyDto(boolean valid, long entries, Long firstBrokenSequence, String reason,
                            @Schema(description = "Sequence of the signed checkpoint the chain's end was compared "
                                    + "with; null when none could be read") Long checkpointSequence,
                            @Schema(description = "Where that checkpoint was read: topic (outside the database) or "
                                    + "database") String checkpointSource) {
    }

    @GET
    @PersonalData(reads = DataClasses.AUDIT_EVENT, allAgents = Roles.CISO)
    @Path("/events")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CISO)
    @Operation(summary = "Query the audit log", description = "Newest first. Filters combine with AND; `from` is "
            + "inclusive and `to` exclusive on occurredAt. This query is itself recorded in the log.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageDto.class), examples =
        @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE_ENTRY + "],\"page\":0,\"size\":50,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "Invalid from/to/page/size (problem+json naming it)")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a ciso")
    public PageDto events(@Parameter(example = "supervisor1") @QueryParam("actor") String actor,
                          @Parameter(example = "agent-north-01") @QueryParam("subject") String subject,
                          @Parameter(example = "READ") @QueryParam("action") String action,
                          @Parameter(example = "signal-service") @QueryParam("service") String service,
                          @Parameter(example = "2026-03-01T00:00:00Z") @QueryParam("from") String from,
                          @Parameter(example = "2026-04-01T00:00:00Z") @QueryParam("to") String to,
                          @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("size") @DefaultValue("50") int size) {
        Params.range("page", page, 0, 1_000_000);
        Params.range("size", size, 1, 500);
        AuditLogRepository.Filter filter = filter(actor, subject, action, service, from, to);
        Caller c = caller.get();
        auditLog.recordOwn(c, subject, "READ", "governance-service:audit-events", "audit review");
        AuditLogRepository.Page p = repository.find(filter, page, size);
        return new PageDto(p.items().stream().map(Entry::of).toList(), page, size, p.total());
    }

    @GET
    @PersonalData(reads = DataClasses.AUDIT_EVENT, allAgents = Roles.CISO)
    @Path("/export")
    @Produces({"application/x-ndjson", "text/csv"})
    @RolesAllowed(Roles.CISO)
    @Operation(summary = "Export the audit log (streamed)", description = "NDJSON (one entry per line) or CSV with a "
            + "header row, oldest first, with the same filters as the query. Includes hashes so the export can be "
            + "verified offline; header X-Audit-Checkpoint carries the newest signed chain-head checkpoint "
            + "(sequence, hash, signedAt, keyVersion, HMAC signature) so truncation can be detected offline too. "
            + "The export is itself recorded in the log.")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = Entry.class,
                description = "One entry per line"), examples = @ExampleObject(name = "ndjson", value = EXAMPLE_ENTRY)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                description = "A header line, then one entry per line"), examples = @ExampleObject(name = "csv", value = "sequence,auditId,service,"
                + "actor,actorRoles,subject,action,resource,purpose,outcome,occurredAt,traceId,recordedAt,prevHash,hash\n"
                + "42,7f0c...,signal-service,supervisor1,supervisor,agent-north-01,READ,signal-service:gaps,"
                + "coaching preparation,SUCCESS,2026-03-02T09:14:05.120Z,4bf9...,2026-03-02T09:14:05.301Z,9c1e...,e3b0..."))})
    @APIResponse(responseCode = "400", description = "Unknown format or invalid from/to (problem+json naming it)")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a ciso")
    public Response export(@Parameter(example = "ndjson") @QueryParam("format") @DefaultValue("ndjson") String format,
                           @QueryParam("actor") String actor, @QueryParam("subject") String subject,
                           @QueryParam("action") String action, @QueryParam("service") String service,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        boolean csv;
        if ("ndjson".equals(format)) {
            csv = false;
        } else if ("csv".equals(format)) {
            csv = true;
        } else {
            throw ProblemException.badRequest("format", "must be ndjson or csv");
        }
        AuditLogRepository.Filter filter = filter(actor, subject, action, service, from, to);
        auditLog.recordOwn(caller.get(), subject, "EXPORT", "governance-service:audit-export", "audit export");
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                if (csv) {
                    w.write("sequence,auditId,service,actor,actorRoles,subject,action,resource,purpose,outcome,"
                            + "occurredAt,traceId,recordedAt,prevHash,hash\n");
                }
                repository.stream(filter, r -> {
                    try {
                        if (csv) {
                            w.write(csvLine(r));
                        } else {
                            w.write(json.writeValueAsString(Entry.of(r)));
                        }
                        w.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } finally {
                w.flush();
            }
        };
        return Response.ok(body, csv ? "text/csv" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"audit." + (csv ? "csv" : "ndjson") + "\"")
                .header(CHECKPOINT_HEADER, auditLog.latestCheckpoint().map(AuditResource::checkpointHeader)
                        .orElse(null))
                .build();
    }

    @GET
    @NoPersonalData
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CISO)
    @Operation(summary = "Verify the hash chain", description = "Recomputes every entry's HMAC seal from its fields and "
            + "the previous entry's hash, starting at the latest retention anchor, compares the chain's end with the "
            + "newest signed checkpoint (read from the checkpoint topic, else the database copy), and names the first "
            + "entry that does not match (changed, removed, reordered, or the newest entries truncated).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerifyDto.class), examples = {
        @ExampleObject(name = "intact", value = "{\"valid\":true,\"entries\":1532,\"firstBrokenSequence\":null,"
                + "\"reason\":null,\"checkpointSequence\":1530,\"checkpointSource\":\"topic\"}"),
        @ExampleObject(name = "tampered", value = "{\"valid\":false,\"entries\":1532,\"firstBrokenSequence\":977,"
                + "\"reason\":\"hash does not match the entry's fields (the entry was changed)\",\"checkpointSequence\":1530,"
                + "\"checkpointSource\":\"topic\"}"),
        @ExampleObject(name = "truncated", value = "{\"valid\":false,\"entries\":1520,\"firstBrokenSequence\":1521,"
                + "\"reason\":\"the log ends at sequence 1520 but the signed checkpoint of 2026-03-02T09:15:00Z names "
                + "sequence 1530 (the newest entries were removed)\",\"checkpointSequence\":1530,"
                + "\"checkpointSource\":\"topic\"}")}))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not a ciso")
    public VerifyDto verify() {
        AuditLogService.Verified verified = auditLog.verify();
        AuditChain.Verification v = verified.verification();
        // Recorded after the walk so the verification covers the chain as it was when asked.
        auditLog.recordOwn(caller.get(), null, "READ", "governance-service:audit-verify", "audit chain verification");
        return new VerifyDto(v.valid(), v.entries(), v.firstBrokenSequence(), v.reason(), v.checkpointSequence(),
                verified.checkpointSource());
    }

    /** The newest signed chain-head checkpoint, so an export can be checked for truncation offline. */
    static final String CHECKPOINT_HEADER = "X-Audit-Checkpoint";

    static String checkpointHeader(Checkpoint c) {
        return "chainId=" + c.chainId() + ";sequence=" + c.sequence() + ";hash=" + c.hash() + ";signedAt=" + c.signedAt() + ";keyVersion="
                + c.keyVersion() + ";signature=" + c.signature();
    }

    private static AuditLogRepository.Filter filter(String actor, String subject, String action, String service,
                                                    String from, String to) {
        return new AuditLogRepository.Filter(blankToNull(actor), blankToNull(subject), blankToNull(action),
                blankToNull(service), Params.instant("from", from), Params.instant("to", to));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String csvLine(AuditRecord r) {
        return String.join(",", Long.toString(r.sequence()), csv(r.auditId()), csv(r.service()), csv(r.actor()),
                csv(String.join(" ", r.actorRoles())), csv(r.subject()), csv(r.action()), csv(r.resource()),
                csv(r.purpose()), csv(r.outcome()), csv(String.valueOf(r.occurredAt())), csv(r.traceId()),
                csv(String.valueOf(r.recordedAt())), r.prevHash(), r.hash());
    }

    static String csv(String v) {
        if (v == null) {
            return "";
        }
        // Quote when needed and defuse spreadsheet formulas (CSV injection) in values reported by other services.
        // (OWASP's list: = + - @, and TAB and CR, which spreadsheets also read as the start of a cell's formula.)
        String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
