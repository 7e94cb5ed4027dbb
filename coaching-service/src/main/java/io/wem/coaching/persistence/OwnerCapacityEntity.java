package io.wem.coaching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "owner_capacity")
public class OwnerCapacityEntity extends PanacheEntityBase {
    @Id
    @Column(name = "owner_key")
    public String ownerKey;
    @Column(name = "weekly_capacity")
    public int weeklyCapacity;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
