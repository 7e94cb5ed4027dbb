package io.wem.signal.persistence;

import io.wem.common.directory.AgentPlacement;
import io.wem.common.directory.DirectoryLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An agent's team for scoping reads: the organisation directory's team now (never the team a signal named).
 * Null when the directory does not place the agent; then only the agent and broad roles may read.
 * Throws {@link io.wem.common.directory.DirectoryUnavailableException} (503) when the directory cannot answer.
 */
@ApplicationScoped
public class AgentDirectory {

    @Inject
    DirectoryLookup directory;

    public String teamOf(String agentId) {
        return directory.agent(agentId).map(AgentPlacement::teamId).orElse(null);
    }
}
