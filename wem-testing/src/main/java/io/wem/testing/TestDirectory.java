package io.wem.testing;

import io.wem.common.directory.AgentPlacement;
import io.wem.common.directory.DirectoryLookup;
import io.wem.common.directory.DirectoryUnavailableException;
import io.wem.common.directory.PersonPlacement;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisation directory of a service test: replaces the REST client to governance, and is filled by the test's
 * setup ({@link #placeAgent}, {@link #assign}; {@link TestTokens} registers the people it mints tokens for, as an
 * HR roster would). Scoping code under test reads only this, never the token's teams claim.
 */
@Alternative
@Priority(100)
@ApplicationScoped
public class TestDirectory implements DirectoryLookup {

    private static final Map<String, String> AGENT_TEAMS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, List<String>>> PEOPLE = new ConcurrentHashMap<>();
    private static final java.util.Set<String> TEAMS = ConcurrentHashMap.newKeySet();

    /** Registers a team that has nobody placed in it yet (a directory import creates teams before people). */
    public static void addTeam(String teamId) {
        TEAMS.add(teamId);
    }
    private static volatile boolean down;

    /** The directory says agent {@code agentId} is in {@code teamId}. */
    public static void placeAgent(String agentId, String teamId) {
        AGENT_TEAMS.put(agentId, teamId);
    }

    /** Replaces a person's assignments: they hold {@code role} in each of {@code teams}. */
    public static void assign(String username, String role, List<String> teams) {
        Map<String, List<String>> m = new TreeMap<>();
        teams.forEach(t -> m.put(t, List.of(role)));
        PEOPLE.put(username, m);
    }

    /** Removes every assignment of a person. */
    public static void forget(String username) {
        PEOPLE.remove(username);
    }

    /** Adds one more assignment to a person. */
    public static void addAssignment(String username, String role, String teamId) {
        PEOPLE.compute(username, (u, m) -> {
            Map<String, List<String>> n = m == null ? new TreeMap<>() : new TreeMap<>(m);
            List<String> roles = new ArrayList<>(n.getOrDefault(teamId, List.of()));
            if (!roles.contains(role)) {
                roles.add(role);
            }
            n.put(teamId, roles);
            return n;
        });
    }

    /** Simulates governance not answering (every lookup throws, so scoping must fail closed). */
    public static void setDown(boolean isDown) {
        down = isDown;
    }

    private static void check() {
        if (down) {
            throw new DirectoryUnavailableException("test directory is down");
        }
    }

    @Override
    public Optional<AgentPlacement> agent(String agentId) {
        check();
        String team = AGENT_TEAMS.get(agentId);
        if (team == null) {
            return Optional.empty();
        }
        return Optional.of(new AgentPlacement(agentId, null, team, assignees(team, "supervisor"),
                assignees(team, "coach")));
    }

    @Override
    public PersonPlacement person(String username) {
        check();
        Map<String, List<String>> m = PEOPLE.get(username);
        return m == null ? PersonPlacement.unknown(username) : new PersonPlacement(username, null, m);
    }

    /** A team is known once added, once an agent is placed in it, or once someone is assigned to it. */
    @Override
    public boolean knowsTeam(String teamId) {
        check();
        return TEAMS.contains(teamId) || AGENT_TEAMS.containsValue(teamId)
                || PEOPLE.values().stream().anyMatch(teams -> teams.containsKey(teamId));
    }

    @Override
    public List<String> assignees(String teamId, String role) {
        check();
        List<String> out = new ArrayList<>();
        PEOPLE.forEach((u, m) -> {
            if (m.getOrDefault(teamId, List.of()).contains(role)) {
                out.add(u);
            }
        });
        out.sort(null);
        return out;
    }
}
