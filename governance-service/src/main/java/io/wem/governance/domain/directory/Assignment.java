package io.wem.governance.domain.directory;

import java.time.Instant;

/**
 * One assignment with its validity: person {@code username} holds {@code role} for {@code teamId} (and, when
 * {@code subjectAgentId} is set, for that one agent only, e.g. an agent's own coach) from {@code validFrom} until
 * {@code validTo} (null: still open). {@code source} says which system of record asserted it ("roster", "keycloak");
 * each source's assignments are reconciled on their own, so a Keycloak sync never closes what the roster opened.
 */
public record Assignment(long id, Key key, Instant validFrom, Instant validTo, String changedBy) {

    /** What identifies an assignment across imports (same key twice = the same assignment, no new history). */
    public record Key(String username, DirectoryRole role, String teamId, String subjectAgentId, String source) {
        public Key {
            subjectAgentId = subjectAgentId == null || subjectAgentId.isBlank() ? null : subjectAgentId;
        }
    }

    public boolean validAt(Instant at) {
        return !validFrom.isAfter(at) && (validTo == null || validTo.isAfter(at));
    }
}
