package io.wem.wellbeing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An interaction or break with the difficulty derived here (data class wellbeing-metric). */
@Entity
@Table(name = "agent_activity")
public class ActivityEntity extends PanacheEntityBase {
    @Id
    @Column(name = "activity_id")
    public String activityId;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "team_id")
    public String teamId;
    public String kind;
    public String queue;
    @Column(name = "start_at")
    public Instant startAt;
    @Column(name = "end_at")
    public Instant endAt;
    public String difficulty;
}
