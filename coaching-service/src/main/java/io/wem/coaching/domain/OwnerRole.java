package io.wem.coaching.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Who owns an intervention, and which realm roles may act for that owner. */
public enum OwnerRole {
    SUPERVISOR("supervisor", Set.of("supervisor")),
    COACH("coach", Set.of("coach")),
    // There is no trainer realm role: coaches deliver training.
    TRAINER("trainer", Set.of("coach")),
    PROCESS_OWNER("process-owner", Set.of("process-owner")),
    WFM_PLANNER("wfm-planner", Set.of("wfm-planner"));

    private final String key;
    private final Set<String> actingRealmRoles;

    OwnerRole(String key, Set<String> actingRealmRoles) {
        this.key = key;
        this.actingRealmRoles = actingRealmRoles;
    }

    public String key() {
        return key;
    }

    public Set<String> actingRealmRoles() {
        return actingRealmRoles;
    }

    /** Supervisors, coaches and trainers work with agents of their own teams; the others work across teams. */
    public boolean teamScoped() {
        return this == SUPERVISOR || this == COACH || this == TRAINER;
    }

    public static Optional<OwnerRole> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
