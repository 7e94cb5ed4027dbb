package io.wem.coaching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "intervention_history")
public class HistoryEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "intervention_id")
    public String interventionId;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state")
    public String toState;
    public String actor;
    public String note;
    @Column(name = "occurred_at")
    public Instant occurredAt;

    public static List<HistoryEntity> of(String interventionId) {
        return list("interventionId = ?1 order by id", interventionId);
    }

    /** The histories of many interventions in one query (an agent's plan must not cost one query per row). */
    public static java.util.Map<String, List<HistoryEntity>> of(java.util.Collection<String> interventionIds) {
        java.util.Map<String, List<HistoryEntity>> byId = new java.util.LinkedHashMap<>();
        interventionIds.forEach(id -> byId.put(id, new java.util.ArrayList<>()));
        if (!byId.isEmpty()) {
            HistoryEntity.<HistoryEntity>list("interventionId in ?1 order by id", List.copyOf(byId.keySet()))
                    .forEach(h -> byId.get(h.interventionId).add(h));
        }
        return byId;
    }
}
