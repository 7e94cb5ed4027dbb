package io.wem.governance.domain.directory;

import io.wem.common.directory.AgentPlacement;
import io.wem.common.directory.PersonPlacement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers "who is where" from assignments valid at one instant. An agent belongs to one team: when two sources
 * disagree, the roster (the HR system of record) wins over Keycloak groups; within a source the latest start wins.
 */
public final class Placement {

    private Placement() {
    }

    /** The agent's team at {@code at}, from the agent's own AGENT assignments. */
    public static Optional<String> teamOf(String agentId, List<Assignment> assignments, Instant at) {
        return assignments.stream()
                .filter(a -> a.key().role() == DirectoryRole.AGENT && agentId.equals(a.key().subjectAgentId())
                        && a.validAt(at))
                .max(Comparator.<Assignment>comparingInt(a -> Roster.SOURCE.equals(a.key().source()) ? 1 : 0)
                        .thenComparing(Assignment::validFrom))
                .map(a -> a.key().teamId());
    }

    /**
     * The agent's placement at {@code at}: team, the team's supervisors, and coaches of the team or of this agent.
     * {@code assignments} must hold the agent's own assignments and those of their team(s).
     */
    public static AgentPlacement agent(String agentId, String username, List<Assignment> assignments, Instant at) {
        String team = teamOf(agentId, assignments, at).orElse(null);
        TreeSet<String> supervisors = new TreeSet<>();
        TreeSet<String> coaches = new TreeSet<>();
        if (team != null) {
            for (Assignment a : assignments) {
                if (!a.validAt(at) || !team.equals(a.key().teamId())) {
                    continue;
                }
                String subject = a.key().subjectAgentId();
                if (a.key().role() == DirectoryRole.SUPERVISOR && subject == null) {
                    supervisors.add(a.key().username());
                } else if (a.key().role() == DirectoryRole.COACH && (subject == null || subject.equals(agentId))) {
                    coaches.add(a.key().username());
                }
            }
        }
        return new AgentPlacement(agentId, username, team, List.copyOf(supervisors), List.copyOf(coaches));
    }

    /** A person's teams and roles at {@code at}, from their own assignments. */
    public static PersonPlacement person(String username, String agentId, List<Assignment> own, Instant at) {
        Map<String, TreeSet<String>> roles = new TreeMap<>();
        for (Assignment a : own) {
            if (a.validAt(at) && username.equals(a.key().username())) {
                if (a.key().role() == DirectoryRole.AGENT
                        && !a.key().teamId().equals(teamOf(a.key().subjectAgentId(), own, at).orElse(null))) {
                    continue;   // an agent listed in two teams by two sources counts only in the winning one
                }
                roles.computeIfAbsent(a.key().teamId(), t -> new TreeSet<>()).add(a.key().role().wire());
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        roles.forEach((t, r) -> out.put(t, new ArrayList<>(r)));
        return new PersonPlacement(username, agentId, out);
    }

    /** Usernames holding {@code role} for the whole team at {@code at} (assignments to single agents excluded). */
    public static List<String> assignees(String teamId, DirectoryRole role, List<Assignment> teamAssignments, Instant at) {
        return teamAssignments.stream()
                .filter(a -> a.validAt(at) && teamId.equals(a.key().teamId()) && a.key().role() == role
                        && a.key().subjectAgentId() == null)
                .map(a -> a.key().username()).distinct().sorted().toList();
    }
}
