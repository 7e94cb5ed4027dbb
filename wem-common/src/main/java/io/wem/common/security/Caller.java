package io.wem.common.security;

import java.util.Set;

/**
 * Who is calling, read from the Keycloak token: realm roles, team memberships ({@code teams} claim) and,
 * for agents, their agent id ({@code agent_id} claim). Service accounts have a {@code clientId}.
 * Plain data so scoping rules can be unit-tested without Quarkus.
 */
public record Caller(String subject, String username, Set<String> roles, Set<String> teams, String agentId,
                     String clientId) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String r : candidates) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean isService() {
        return roles.contains(Roles.SERVICE) || roles.contains(Roles.INTEGRATION);
    }

    public boolean isAgent(String agentId) {
        return this.agentId != null && this.agentId.equals(agentId);
    }

    public boolean memberOf(String teamId) {
        return teamId != null && teams.contains(teamId);
    }

    /** The name written to the audit log: the username for people, the client id for service accounts. */
    public String actor() {
        if (username != null) {
            return username;
        }
        return clientId != null ? clientId : subject;
    }
}
