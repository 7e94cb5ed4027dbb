package io.wem.governance.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import io.wem.common.events.Events;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.problem.Problem;
import io.wem.governance.client.SubjectClients;
import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.domain.retention.LegalHold;
import io.wem.governance.persistence.AuditEventStore;
import io.wem.governance.persistence.RetentionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data-subject requests. Opening one records it (and refuses erasure under an active legal hold); a worker then
 * checks the holds again each time it runs an erasure, calls every service's internal subject endpoint (which checks
 * the holds itself too), outside any transaction, and records each service's outcome.
 * Requests survive restarts: the worker picks up whatever is still PENDING.
 */
@ApplicationScoped
public class SubjectRequestService {
    private static final Logger LOG = Logger.getLogger(SubjectRequestService.class);

    @Inject
    EntityManager em;

    @Inject
    RetentionRepository retention;

    @Inject
    AuditEventStore auditStore;

    @Inject
    AuditLogService auditLog;

    @Inject
    SubjectClients clients;

    @Inject
    GovernanceConfig config;

    @Inject
    Clock clock;

    public record Outcome(String status, String detail, Map<String, Long> erased) {
    }

    public record Request(String id, String type, String agentId, String status, String requestedBy,
                          Instant requestedAt, Instant completedAt, List<String> refusedByHolds,
                          Map<String, Outcome> outcomes) {
    }

    @Transactional
    public Request open(Caller caller, String type, String agentId) {
        String id = UUID.randomUUID().toString();
        List<String> holds = "ERASURE".equals(type) ? activeHoldsNaming(agentId) : List.of();
        String status = holds.isEmpty() ? "PENDING" : "REFUSED_LEGAL_HOLD";
        Instant now = Instant.now();
        em.createNativeQuery("INSERT INTO subject_request (id, type, agent_id, status, requested_by, requested_at, "
                        + "completed_at, refused_hold_ids) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, type).setParameter(3, agentId).setParameter(4, status)
                .setParameter(5, caller.actor()).setParameter(6, Timestamp.from(now))
                .setParameter(7, holds.isEmpty() ? null : Timestamp.from(now))
                .setParameter(8, holds.isEmpty() ? null : Events.toJson(holds)).executeUpdate();
        auditLog.recordOwn(caller, agentId, "ACCESS".equals(type) ? "EXPORT" : "ERASE",
                "governance-service:subject-request/" + id, holds.isEmpty() ? "data-subject " + type.toLowerCase()
                        + " request opened" : "erasure refused: legal holds " + holds);
        return get(id);
    }

    @Transactional
    public Request get(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, type, agent_id, status, requested_by, requested_at, "
                + "completed_at, refused_hold_ids, outcomes FROM subject_request WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("no subject request " + id);
        }
        Object[] r = rows.get(0);
        try {
            List<String> holds = r[7] == null ? List.of() : List.of(Events.mapper().readValue((String) r[7],
                    String[].class));
            Map<String, Outcome> outcomes = r[8] == null ? Map.of() : Events.mapper().readValue((String) r[8],
                    Events.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Outcome.class));
            return new Request((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    instant(r[5]), instant(r[6]), holds, outcomes);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable subject request " + id, e);
        }
    }

    /** The assembled export of a completed access request; reading it is audited. */
    @Transactional
    public String export(Caller caller, String id) {
        Request req = get(id);
        if (!"ACCESS".equals(req.type())) {
            throw ProblemException.notFound("subject request " + id + " is not an access request");
        }
        if (!req.status().equals("COMPLETED") && !req.status().equals("PARTIAL")) {
            throw ProblemException.conflict("subject request " + id + " is " + req.status());
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT export_json, export_cleared_why, export_expires_at "
                + "FROM subject_request WHERE id = ?1").setParameter(1, id).getSingleResult();
        String json = (String) row[0];
        Instant expires = row[2] == null ? null : instant(row[2]);
        if (json == null || (expires != null && !clock.instant().isBefore(expires))) {
            throw new ProblemException(Problem.of(410, "export-gone", "Export no longer available",
                    "the export of subject request " + id + " was deleted ("
                            + (row[1] == null ? "EXPIRED" : row[1]) + "); open a new access request"));
        }
        auditLog.recordOwn(caller, req.agentId(), "READ", "governance-service:subject-export/" + id,
                "data-subject access request export");
        return json;
    }

    @Scheduled(every = "${wem.governance.subject-requests.poll:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void work() {
        String id;
        while ((id = claim()) != null) {
            try {
                process(get(id));
            } catch (RuntimeException e) {
                LOG.warnf("subject request %s failed: %s", id, e.getMessage());
                finish(id, "FAILED", Map.of("governance-service", new Outcome("FAILED", e.getMessage(), null)), null);
            }
        }
    }

    /**
     * Takes one PENDING request, or one a crashed worker left IN_PROGRESS, and marks it IN_PROGRESS
     * (SKIP LOCKED, so replicas share the work).
     */
    @Transactional
    String claim() {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT id FROM subject_request WHERE status = 'PENDING' "
                + "OR (status = 'IN_PROGRESS' AND claimed_at < now() - interval '15 minutes') "
                + "ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED").getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        // Export and erase are idempotent on the services' side, so re-running a stale request is safe.
        em.createNativeQuery("UPDATE subject_request SET status = 'IN_PROGRESS', claimed_at = now() WHERE id = ?1")
                .setParameter(1, ids.get(0)).executeUpdate();
        return ids.get(0);
    }

    void process(Request req) {
        boolean access = "ACCESS".equals(req.type());
        if (!access) {
            // A hold placed after the request opened (or while a stale request waited) must still stop it.
            List<String> holds = activeHoldsNaming(req.agentId());
            if (!holds.isEmpty()) {
                refuse(req, holds);
                return;
            }
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        ObjectNode export = Events.mapper().createObjectNode();
        export.put("agentId", req.agentId());
        export.put("requestId", req.id());
        export.put("assembledAt", Instant.now().toString());
        ObjectNode services = export.putObject("services");
        for (String service : clients.services().keySet()) {
            try {
                JsonNode answer = access ? clients.export(service, req.agentId()) : clients.erase(service, req.agentId());
                if (access) {
                    services.set(service, answer.path("data"));
                    outcomes.put(service, new Outcome("DONE", null, null));
                } else {
                    Map<String, Long> erased = new LinkedHashMap<>();
                    answer.path("erased").fields().forEachRemaining(f -> erased.put(f.getKey(), f.getValue().asLong()));
                    outcomes.put(service, new Outcome("DONE", null, erased));
                }
            } catch (RuntimeException e) {
                outcomes.put(service, new Outcome("FAILED", e.getClass().getSimpleName() + ": " + e.getMessage(), null));
            }
        }
        governanceOwn(req, access, services, outcomes);
        boolean allDone = outcomes.values().stream().allMatch(o -> o.status().equals("DONE"));
        boolean noneDone = outcomes.values().stream().noneMatch(o -> o.status().equals("DONE"));
        finish(req.id(), allDone ? "COMPLETED" : noneDone ? "FAILED" : "PARTIAL", outcomes,
                access ? Events.toJson(export) : null);
    }

    @Transactional
    List<String> activeHoldsNaming(String agentId) {
        return retention.holds(true).stream().filter(h -> h.names(agentId)).map(LegalHold::id).toList();
    }

    @Transactional
    void refuse(Request req, List<String> holds) {
        em.createNativeQuery("UPDATE subject_request SET status = 'REFUSED_LEGAL_HOLD', completed_at = now(), "
                        + "refused_hold_ids = ?2 WHERE id = ?1")
                .setParameter(1, req.id()).setParameter(2, Events.toJson(holds)).executeUpdate();
        auditLog.recordOwn(new Caller("governance-service", null, java.util.Set.of(), java.util.Set.of(), null,
                        "governance-service"), req.agentId(), "ERASE", "governance-service:subject-request/" + req.id(),
                "erasure refused at execution: legal holds " + holds);
    }

    @Transactional
    void governanceOwn(Request req, boolean access, ObjectNode services, Map<String, Outcome> outcomes) {
        if (access) {
            ObjectNode own = services.putObject("governance-service");
            own.set(auditStore.dataClass(), Events.mapper().valueToTree(auditStore.export(req.agentId())));
            outcomes.put("governance-service", new Outcome("DONE", null, null));
        } else {
            // Earlier access-request exports are copies of the subject's data: they go with the subject.
            long exports = em.createNativeQuery("UPDATE subject_request SET export_json = NULL, export_cleared_at = ?2, "
                            + "export_cleared_why = 'ERASED' WHERE agent_id = ?1 AND export_json IS NOT NULL")
                    .setParameter(1, req.agentId()).setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
            // The access log is kept under the legal-obligation exemption until retention removes it.
            outcomes.put("governance-service", new Outcome("DONE", "audit-event retained (legal obligation, "
                    + "GDPR Art. 17(3)(b)) until its retention window ends", Map.of(auditStore.dataClass(), 0L,
                    "subject-export", exports)));
        }
    }

    @Transactional
    void finish(String id, String status, Map<String, Outcome> outcomes, String exportJson) {
        Instant expires = exportJson == null ? null : clock.instant().plus(config.subjectRequests().exportTtl());
        em.createNativeQuery("UPDATE subject_request SET status = ?2, completed_at = now(), outcomes = ?3, "
                        + "export_json = ?4, export_expires_at = ?5 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, Events.toJson(outcomes))
                .setParameter(4, exportJson).setParameter(5, expires == null ? null : Timestamp.from(expires))
                .executeUpdate();
    }

    @Scheduled(every = "1h", identity = "subject-export-expiry", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledExpiry() {
        expireExports();
    }

    /** Deletes the exports past their expiry; returns how many. */
    @Transactional
    public int expireExports() {
        return em.createNativeQuery("UPDATE subject_request SET export_json = NULL, export_cleared_at = ?1, "
                        + "export_cleared_why = 'EXPIRED' WHERE export_json IS NOT NULL AND export_expires_at <= ?1")
                .setParameter(1, Timestamp.from(clock.instant())).executeUpdate();
    }

    private static Instant instant(Object o) {
        return o == null ? null : o instanceof Timestamp t ? t.toInstant() : o instanceof Instant i ? i
                : ((java.time.OffsetDateTime) o).toInstant();
    }
}
