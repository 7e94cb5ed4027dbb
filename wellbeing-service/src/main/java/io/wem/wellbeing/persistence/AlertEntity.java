package io.wem.wellbeing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.wem.common.contracts.WellbeingAlert;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A raised wellbeing alert (data class wellbeing-metric). */
@Entity
@Table(name = "wellbeing_alert")
public class AlertEntity extends PanacheEntityBase {
    @Id
    @Column(name = "alert_id")
    public String alertId;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "team_id")
    public String teamId;
    public String kind;
    public String severity;
    @Column(name = "recovery_debt_minutes")
    public int recoveryDebtMinutes;
    public String message;
    @Column(name = "raised_at")
    public Instant raisedAt;
    /** What a team-level alert is about (a monitoring kind, or INDEX); null for an alert about one agent. */
    public String subject;

    /**
     * Serializes, across replicas, the raising of one pattern alert kind for one agent until the transaction ends:
     * a cooldown read after this sees every alert committed before.
     */
    public static void lockPattern(String agentId, String kind) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "wellbeing-pattern-alert:" + agentId + ":" + kind).getSingleResult();
    }

    /** Like {@link #lockPattern} for a team-level alert about one subject. */
    public static void lockTeamSubject(String teamId, String kind, String subject) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "wellbeing-team-alert:" + teamId + ":" + kind + ":" + subject).getSingleResult();
    }

    public WellbeingAlert toContract() {
        return new WellbeingAlert(alertId, agentId, teamId, kind, severity, recoveryDebtMinutes, message, raisedAt);
    }
}
