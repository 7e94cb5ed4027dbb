package io.wem.governance.service;

import io.wem.common.directory.AgentPlacement;
import io.wem.common.directory.DirectoryLookup;
import io.wem.common.directory.PersonPlacement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** governance-service owns the directory, so it reads its own tables instead of calling itself over HTTP. */
@ApplicationScoped
public class LocalDirectory implements DirectoryLookup {

    @Inject
    DirectoryService directory;

    @Override
    public Optional<AgentPlacement> agent(String agentId) {
        return directory.agent(agentId, null);
    }

    @Override
    public PersonPlacement person(String username) {
        return directory.person(username, null);
    }

    @Override
    public boolean knowsTeam(String teamId) {
        return directory.knowsTeam(teamId);
    }

    @Override
    public List<String> assignees(String teamId, String role) {
        return directory.assignees(teamId, role, null);
    }
}
