package io.wem.wellbeing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A received monitoring event (data class wellbeing-metric). {@code counted} is false when the same action was
 * already counted at its guardrail decision.
 */
@Entity
@Table(name = "monitoring_event")
public class MonitoringEventEntity extends PanacheEntityBase {
    @Id
    @Column(name = "monitoring_id")
    public String monitoringId;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "team_id")
    public String teamId;
    public String kind;
    public boolean automated;
    public Double score;
    public String theme;
    @Column(name = "source_service")
    public String sourceService;
    public String reference;
    public boolean counted;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
