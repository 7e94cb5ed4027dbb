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
import java.util.Optional;

@Entity
@Table(name = "playbook_version")
public class PlaybookVersionEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "playbook_id")
    public String playbookId;
    public int version;
    public String title;
    public String kind;
    @Column(name = "owner_role")
    public String ownerRole;
    public String deadline;
    public String goal;
    public String theme;
    @Column(name = "learning_items")
    public String learningItems;
    @Column(name = "coaching_prompts")
    public String coachingPrompts;
    public String metric;
    public String direction;
    @Column(name = "relative_improvement")
    public Double relativeImprovement;
    @Column(name = "absolute_target")
    public Double absoluteTarget;
    @Column(name = "follow_up_window")
    public String followUpWindow;
    @Column(name = "follow_up_assessment")
    public String followUpAssessment;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "change_note")
    public String changeNote;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public static Optional<PlaybookVersionEntity> of(String playbookId, int version) {
        return find("playbookId = ?1 and version = ?2", playbookId, version).firstResultOptional();
    }

    public static List<PlaybookVersionEntity> history(String playbookId) {
        return list("playbookId = ?1 order by version", playbookId);
    }
}
