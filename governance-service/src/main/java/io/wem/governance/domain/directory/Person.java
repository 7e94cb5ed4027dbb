package io.wem.governance.domain.directory;

/** A person known to the directory: the Keycloak username they log in with and, for agents, their agent id. */
public record Person(String username, String displayName, String agentId) {
}
