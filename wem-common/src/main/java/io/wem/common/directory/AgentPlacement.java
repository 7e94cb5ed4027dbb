package io.wem.common.directory;

import java.util.List;

/**
 * Where the organisation directory places an agent at one moment: their team and the people assigned to them
 * (supervisors of the team; coaches of the team or of this agent). {@code teamId} is null when the directory knows
 * the agent but they belong to no team at that moment.
 */
public record AgentPlacement(String agentId, String username, String teamId, List<String> supervisors,
                             List<String> coaches) {
    public AgentPlacement {
        supervisors = supervisors == null ? List.of() : List.copyOf(supervisors);
        coaches = coaches == null ? List.of() : List.copyOf(coaches);
    }
}
