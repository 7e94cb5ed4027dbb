package io.wem.signal.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/** The latest team each agent was seen in (from their signals); used to scope reads. */
@ApplicationScoped
public class AgentDirectory {

    @Inject
    EntityManager em;

    public String teamOf(String agentId) {
        List<?> r = em.createNativeQuery("SELECT team_id FROM agent_directory WHERE agent_id = ?1")
                .setParameter(1, agentId).getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }
}
