package io.wem.governance.domain.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Findings of an access review: segregation-of-duties conflicts (a user holding both roles of a forbidden pair,
 * directly or through groups/composites) and enabled accounts without a recent login.
 */
public final class AccessReviewer {

    public record User(String id, String username, boolean enabled, Set<String> roles, List<String> groups,
                       Instant createdAt, Instant lastLogin) {
    }

    public record Finding(String type, String severity, String userId, String username, String detail) {
    }

    private AccessReviewer() {
    }

    /**
     * @param sodPairs        forbidden role pairs, e.g. ciso+platform-admin
     * @param inactiveAfter   an enabled account without a login for this long is a finding
     * @param loginDataKnown  false when login events could not be read: inactivity is then not judged per user
     */
    public static List<Finding> review(List<User> users, List<List<String>> sodPairs, Duration inactiveAfter,
                                       boolean loginDataKnown, Instant now) {
        List<Finding> out = new ArrayList<>();
        for (User u : users) {
            for (List<String> pair : sodPairs) {
                if (pair.size() == 2 && u.roles().contains(pair.get(0)) && u.roles().contains(pair.get(1))) {
                    out.add(new Finding("SEGREGATION_OF_DUTIES", "HIGH", u.id(), u.username(),
                            "holds both " + pair.get(0) + " and " + pair.get(1)));
                }
            }
            if (!u.enabled() || !loginDataKnown) {
                continue;
            }
            Instant since = now.minus(inactiveAfter);
            if (u.lastLogin() == null) {
                if (u.createdAt() != null && u.createdAt().isBefore(since)) {
                    out.add(new Finding("NO_RECENT_LOGIN", "MEDIUM", u.id(), u.username(),
                            "enabled, never logged in, created " + u.createdAt()));
                }
            } else if (u.lastLogin().isBefore(since)) {
                out.add(new Finding("NO_RECENT_LOGIN", "MEDIUM", u.id(), u.username(),
                        "enabled, last login " + u.lastLogin() + " (over " + inactiveAfter.toDays() + " days ago)"));
            }
        }
        if (!loginDataKnown) {
            out.add(new Finding("LOGIN_DATA_UNAVAILABLE", "LOW", null, null, "Keycloak login events could not be read "
                    + "(enable events in realm wem and grant governance-service view-events); inactivity not judged"));
        }
        return out;
    }
}
