package io.wem.coaching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A received gap and the intervention it belongs to (primary key = gap id, so a gap maps to one intervention). */
@Entity
@Table(name = "intervention_gap")
public class InterventionGapEntity extends PanacheEntityBase {
    @Id
    @Column(name = "gap_id")
    public String gapId;
    @Column(name = "intervention_id")
    public String interventionId;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "envelope_id")
    public String envelopeId;
    @Column(name = "detected_at")
    public Instant detectedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** When signal-service resolved this gap (null while open). */
    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
