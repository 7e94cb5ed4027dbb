package io.wem.wellbeing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One guardrail decision (data class guardrail-decision). {@code reasons} is a JSON array of sentences. */
@Entity
@Table(name = "guardrail_decision")
public class GuardrailDecisionEntity extends PanacheEntityBase {
    @Id
    @Column(name = "decision_id")
    public String decisionId;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "team_id")
    public String teamId;
    @Column(name = "action_kind")
    public String actionKind;
    public String decision;
    @Column(name = "earliest_at")
    public Instant earliestAt;
    public String reasons;
    @Column(name = "intensity_index")
    public double intensityIndex;
    public String requester;
    public String caller;
    public boolean automated;
    public String theme;
    public String reference;
    public boolean counted;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
