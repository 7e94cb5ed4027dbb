package io.wem.wellbeing.service;

import io.wem.common.contracts.WellbeingAlert;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.common.outbox.Outbox;
import io.wem.wellbeing.config.WellbeingConfig;
import io.wem.wellbeing.persistence.AlertEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Stores an alert and publishes it to wem.wellbeing.alerts.v1 through the outbox, in the caller's transaction. */
@ApplicationScoped
public class AlertService {

    @Inject
    Outbox outbox;

    @Inject
    WellbeingConfig config;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Transactional(Transactional.TxType.MANDATORY)
    public WellbeingAlert raise(String agentId, String teamId, String kind, String severity, int debtMinutes,
                                String message, Instant at) {
        return raise(agentId, teamId, kind, null, severity, debtMinutes, message, at);
    }

    private WellbeingAlert raise(String agentId, String teamId, String kind, String subject, String severity,
                                 int debtMinutes, String message, Instant at) {
        AlertEntity a = new AlertEntity();
        a.subject = subject;
        a.alertId = UUID.randomUUID().toString();
        a.agentId = agentId;
        a.teamId = teamId;
        a.kind = kind;
        a.severity = severity;
        a.recoveryDebtMinutes = debtMinutes;
        a.message = message;
        a.raisedAt = at;
        a.persist();
        WellbeingAlert alert = a.toContract();
        outbox.add(Topics.WELLBEING_ALERTS, agentId,
                EventEnvelope.withId(a.alertId, EventTypes.WELLBEING_ALERT, service, agentId, alert));
        return alert;
    }

    /**
     * Like {@link #raise} for standing patterns: skipped while the same kind was raised for the agent recently. Two
     * replicas may check the same team at once, so the cooldown is read under a transaction-scoped advisory lock per
     * agent and kind: the second waits for the first to commit and then sees its alert.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean raisePattern(String agentId, String teamId, String kind, String message, Instant at) {
        return raisePattern(agentId, teamId, kind, message, at, Duration.ZERO);
    }

    /**
     * Like {@link #raisePattern(String, String, String, String, Instant)}, quiet for at least {@code quietFor} (the
     * pattern's own window) after the last alert of the kind: the configured cooldown is the floor.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean raisePattern(String agentId, String teamId, String kind, String message, Instant at,
                                Duration quietFor) {
        AlertEntity.lockPattern(agentId, kind);
        Duration quiet = quietFor.compareTo(config.patternAlertCooldown()) > 0 ? quietFor : config.patternAlertCooldown();
        long recent = AlertEntity.count("agentId = ?1 and kind = ?2 and raisedAt > ?3", agentId, kind,
                at.minus(quiet));
        if (recent > 0) {
            return false;
        }
        raise(agentId, teamId, kind, "MEDIUM", 0, message, at);
        return true;
    }

    /**
     * Like {@link #raisePattern} for a condition with a known start (an episode over the index cap): not raised if an
     * alert of the kind was raised since {@code reportedSince} (or within the cooldown). For the index, the caller
     * passes the episode's start less one window: a kind's cap alerted in that window already told the reader that
     * this agent is watched beyond the policy, and the index over its cap is then mostly the same facts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean raiseForEpisode(String agentId, String teamId, String kind, String message, Instant at,
                                   Instant reportedSince) {
        AlertEntity.lockPattern(agentId, kind);
        Instant cooldownStart = at.minus(config.patternAlertCooldown());
        Instant quietSince = reportedSince.isBefore(cooldownStart) ? reportedSince : cooldownStart;
        if (AlertEntity.count("agentId = ?1 and kind = ?2 and raisedAt >= ?3", agentId, kind, quietSince) > 0) {
            return false;
        }
        raise(agentId, teamId, kind, "MEDIUM", 0, message, at);
        return true;
    }

    /**
     * MONITORING_PROGRAMME: the team's monitoring programme takes its agents over a cap ({@code subject}: the
     * monitoring kind, or INDEX), told once per team and subject per {@code quietFor} (the policy's window) however
     * many agents cross it (domain/TeamProgramme). {@code agentId} is the agent whose crossing told it; the message
     * says how many are over. Serialized per team and subject across replicas like {@link #raisePattern}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean raiseProgramme(String agentId, String teamId, String subject, String message, Instant at,
                                  Duration quietFor) {
        AlertEntity.lockTeamSubject(teamId, PROGRAMME, subject);
        if (AlertEntity.count("teamId = ?1 and kind = ?2 and subject = ?3 and raisedAt > ?4", teamId, PROGRAMME,
                subject, at.minus(quietFor)) > 0) {
            return false;
        }
        raise(agentId, teamId, PROGRAMME, subject, "MEDIUM", 0, message, at);
        return true;
    }

    /** The kind of a team-level alert about the team's monitoring programme. */
    public static final String PROGRAMME = "MONITORING_PROGRAMME";
}
