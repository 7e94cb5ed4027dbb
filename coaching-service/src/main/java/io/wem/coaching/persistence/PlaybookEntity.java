package io.wem.coaching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "playbook")
public class PlaybookEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "behavior_id")
    public String behaviorId;
    @Column(name = "gap_type")
    public String gapType;
    @Column(name = "current_version")
    public int currentVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<PlaybookEntity> forGap(String behaviorId, String gapType) {
        return find("behaviorId = ?1 and gapType = ?2", behaviorId, gapType).firstResultOptional();
    }
}
