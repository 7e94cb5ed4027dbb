package io.wem.governance.domain.directory;

/**
 * One line of a roster from the WFM/HR system of record: person {@code username} holds {@code role} in
 * {@code teamId}. Agents carry their {@code agentId}; a coach or trainer line with {@code forAgent} is an
 * assignment to that one agent. {@code row} is the 1-based line number the errors refer to.
 */
public record RosterRow(int row, String teamId, String teamName, String site, String username, String displayName,
                        String role, String agentId, String forAgent) {
}
