package io.wem.common.security;

import io.wem.common.directory.DirectoryLookup;
import io.wem.common.problem.ProblemException;

import java.util.Set;

/**
 * The suite's one rule for who may see an agent's personal data:
 * the agent themself; a supervisor (or coach) of a team the agent belongs to; any caller holding one of the
 * {@code broadRoles} the endpoint names (e.g. qa-analyst for QA data, a service role for service accounts).
 */
public final class AgentScope {

    private AgentScope() {
    }

    public static boolean canRead(Caller caller, String agentId, String agentTeam, Set<String> broadRoles) {
        if (caller.isAgent(agentId)) {
            return true;
        }
        for (String role : broadRoles) {
            if (caller.hasRole(role)) {
                return true;
            }
        }
        return caller.hasAnyRole(Roles.SUPERVISOR, Roles.COACH) && caller.memberOf(agentTeam);
    }

    /** Throws 403 problem+json unless {@link #canRead} holds. */
    public static void require(Caller caller, String agentId, String agentTeam, Set<String> broadRoles) {
        if (!canRead(caller, agentId, agentTeam, broadRoles)) {
            throw ProblemException.forbidden("not allowed to see data of agent " + agentId);
        }
    }

    /** A team's aggregates: team members with a team role, or callers with a broad role. */
    public static boolean canReadTeam(Caller caller, String teamId, Set<String> broadRoles) {
        for (String role : broadRoles) {
            if (caller.hasRole(role)) {
                return true;
            }
        }
        return caller.hasAnyRole(Roles.SUPERVISOR, Roles.COACH) && caller.memberOf(teamId);
    }

    public static void requireTeam(Caller caller, String teamId, Set<String> broadRoles) {
        if (!canReadTeam(caller, teamId, broadRoles)) {
            throw ProblemException.forbidden("not allowed to see data of team " + teamId);
        }
    }

    /**
     * A team named in a path: 403 unless {@link #canReadTeam} holds, then 404 when the directory does not have the
     * team (issue #20: an unknown team is not an empty one). Scope first, so the 404 tells nothing to a caller who
     * could not read the team anyway.
     */
    public static void requireKnownTeam(Caller caller, String teamId, Set<String> broadRoles,
                                        DirectoryLookup directory) {
        requireTeam(caller, teamId, broadRoles);
        requireKnown(teamId, directory);
    }

    /** 404 problem+json when the directory does not have the team. */
    public static void requireKnown(String teamId, DirectoryLookup directory) {
        if (!directory.knowsTeam(teamId)) {
            throw ProblemException.notFound("team " + teamId);
        }
    }
}
