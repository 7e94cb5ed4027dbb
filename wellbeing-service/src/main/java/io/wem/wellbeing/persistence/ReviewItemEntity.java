package io.wem.wellbeing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An item of the human review queue (data class guardrail-decision): an automated action awaiting a person
 * (type AUTOMATED_DECISION) or an agent's contest of an automated decision (type CONTEST).
 */
@Entity
@Table(name = "review_item")
public class ReviewItemEntity extends PanacheEntityBase {
    public static final String AUTOMATED_DECISION = "AUTOMATED_DECISION";
    public static final String CONTEST = "CONTEST";
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    @Id
    @Column(name = "review_id")
    public String reviewId;
    public String type;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "team_id")
    public String teamId;
    @Column(name = "action_kind")
    public String actionKind;
    public String reference;
    @Column(name = "subject_type")
    public String subjectType;
    @Column(name = "subject_id")
    public String subjectId;
    public String summary;
    public String statement;
    public String status;
    public String reviewer;
    @Column(name = "review_reason")
    public String reviewReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
