package io.wem.common.security;

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
}
