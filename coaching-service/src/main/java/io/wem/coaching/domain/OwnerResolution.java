package io.wem.coaching.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Picks the person who owns an intervention among the directory's candidates for the owner role (the agent's
 * coaches, the team's supervisors, the team's process owner or WFM planner). The least loaded candidate wins (open
 * work now), ties by name, so the choice is deterministic. Nobody assigned: the role's fallback queue
 * ({@code role:team}) and the visible {@link #UNASSIGNED} owner, never a role key that looks like a person.
 */
public final class OwnerResolution {

    public static final String UNASSIGNED = "UNASSIGNED";

    private OwnerResolution() {
    }

    /** The owner: a person (null when unassigned) and the backlog key (role:team:person, or the role:team queue). */
    public record Owner(String person, String ownerKey) {
        public boolean unassigned() {
            return person == null;
        }

        /** What views show as the owner. */
        public String display() {
            return person != null ? person : UNASSIGNED;
        }
    }

    public static Owner resolve(OwnerRole role, String teamId, List<String> candidates, Map<String, Integer> openWork) {
        String queue = Routing.ownerKey(role, teamId);
        return candidates.stream().filter(c -> c != null && !c.isBlank()).distinct()
                .min(Comparator.<String>comparingInt(c -> openWork.getOrDefault(c, 0)).thenComparing(c -> c))
                .map(p -> new Owner(p, queue + ":" + p))
                .orElse(new Owner(null, queue));
    }

    /** Backlog key of an explicit (re)assignment. */
    public static Owner of(OwnerRole role, String teamId, String person) {
        return new Owner(person, Routing.ownerKey(role, teamId) + ":" + person);
    }
}
