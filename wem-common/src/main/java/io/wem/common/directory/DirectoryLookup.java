package io.wem.common.directory;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the organisation directory (owned by governance-service). Every service scopes with it: the team
 * of an agent and the teams of a supervisor or coach come from here, never from a signal or a token claim.
 * Implementations throw {@link DirectoryUnavailableException} when they cannot answer; callers fail closed.
 */
public interface DirectoryLookup {

    /** The agent's placement now; empty when the directory does not know the agent id. */
    Optional<AgentPlacement> agent(String agentId);

    /** The person's open assignments now (none for unknown people). */
    PersonPlacement person(String username);

    /** Usernames holding {@code role} for the team now (directory role names, e.g. "coach", "process-owner"). */
    List<String> assignees(String teamId, String role);

    /**
     * Whether the directory has this team. A team id in a path that the directory does not know is a 404 (issue #20),
     * never a new, empty team made from whatever string arrived.
     */
    boolean knowsTeam(String teamId);

    /** Drops cached answers (after a directory change event, or in tests). */
    default void invalidate() {
    }
}
