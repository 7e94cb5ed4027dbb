package io.wem.governance.domain.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The realm's accounts as read from Keycloak at one moment, with each account's effective roles, groups and last
 * login. An access review is computed from one snapshot; the review shows {@code readAt}, so what a reused snapshot
 * may miss (a role changed since) is visible as its age, never hidden.
 *
 * @param loginData false when Keycloak's login events could not be read (disabled or not permitted)
 */
public record RealmSnapshot(Instant readAt, List<AccessReviewer.User> users, boolean loginData) {

    public RealmSnapshot {
        users = List.copyOf(users);
    }

    /** Whether this snapshot may still answer at {@code now}: not older than {@code maxAge}, not from the future. */
    public boolean usableAt(Instant now, Duration maxAge) {
        return !now.isBefore(readAt) && !now.isAfter(readAt.plus(maxAge));
    }
}
