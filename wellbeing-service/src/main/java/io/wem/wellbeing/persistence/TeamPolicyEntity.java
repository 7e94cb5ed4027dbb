package io.wem.wellbeing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A team's guardrail policy as JSON (not personal data). */
@Entity
@Table(name = "team_policy")
public class TeamPolicyEntity extends PanacheEntityBase {
    @Id
    @Column(name = "team_id")
    public String teamId;
    public String policy;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
