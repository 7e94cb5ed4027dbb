package io.wem.wellbeing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.wem.wellbeing.domain.RecoveryState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An agent's last known team and recovery bookkeeping (data class wellbeing-metric). */
@Entity
@Table(name = "agent_state")
public class AgentStateEntity extends PanacheEntityBase {
    @Id
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "team_id")
    public String teamId;
    @Column(name = "difficult_streak")
    public int difficultStreak;
    @Column(name = "recovery_due")
    public boolean recoveryDue;
    @Column(name = "due_since")
    public Instant dueSince;
    public boolean violated;
    @Column(name = "debt_minutes")
    public int debtMinutes;
    @Column(name = "last_activity_at")
    public Instant lastActivityAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public RecoveryState recovery() {
        return new RecoveryState(difficultStreak, recoveryDue, dueSince, violated, debtMinutes, lastActivityAt);
    }

    public void apply(RecoveryState s) {
        difficultStreak = s.difficultStreak();
        recoveryDue = s.due();
        dueSince = s.dueSince();
        violated = s.violated();
        debtMinutes = s.debtMinutes();
        lastActivityAt = s.lastActivityAt();
        updatedAt = Instant.now();
    }
}
