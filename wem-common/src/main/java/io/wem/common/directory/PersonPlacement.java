package io.wem.common.directory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A person's open assignments in the directory: per team, the directory roles they hold there
 * (agent, supervisor, coach, trainer, qa-analyst, wfm-planner, process-owner). Unknown people have none.
 */
public record PersonPlacement(String username, String agentId, Map<String, List<String>> teamRoles) {
    public PersonPlacement {
        teamRoles = teamRoles == null ? Map.of() : new TreeMap<>(teamRoles);
    }

    public static PersonPlacement unknown(String username) {
        return new PersonPlacement(username, null, Map.of());
    }

    /** Teams where the person holds any role. */
    public Set<String> teams() {
        return new TreeSet<>(teamRoles.keySet());
    }

    /** Teams where the person holds {@code role}. */
    public Set<String> teamsAs(String role) {
        Set<String> out = new TreeSet<>();
        teamRoles.forEach((team, roles) -> {
            if (roles.contains(role)) {
                out.add(team);
            }
        });
        return out;
    }
}
