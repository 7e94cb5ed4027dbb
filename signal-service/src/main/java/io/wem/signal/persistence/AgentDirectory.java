package io.wem.signal.persistence;

import io.wem.common.directory.AgentPlacement;
import io.wem.common.directory.DirectoryLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * An agent's team for scoping reads: the organisation directory's team now (never the team a signal named).
 * Null when the directory does not place the agent; then only the agent and broad roles may read.
 * Throws {@link io.wem.common.directory.DirectoryUnavailableException} (503) when the directory cannot answer.
 */
@ApplicationScoped
public class AgentDirectory {

    @Inject
    DirectoryLookup directory;

    @Inject
    EntityManager em;

    public String teamOf(String agentId) {
        return directory.agent(agentId).map(AgentPlacement::teamId).orElse(null);
    }

    /**
     * The team the agent's signals are filed under (the directory's team at ingestion, or the signal's own for an
     * agent the directory did not know). For the team reference of a measurement only: never for scope.
     */
    public String filedTeamOf(String agentId) {
        List<?> r = em.createNativeQuery("SELECT team_id FROM agent_directory WHERE agent_id = ?1")
                .setParameter(1, agentId).getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }
}
