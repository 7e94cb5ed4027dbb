package io.wem.governance.persistence;

import io.wem.governance.domain.directory.Assignment;
import io.wem.governance.domain.directory.DirectoryRole;
import io.wem.governance.domain.directory.Person;
import io.wem.governance.domain.directory.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Teams, people and assignments of the organisation directory (native SQL; joins the caller's transaction). */
@ApplicationScoped
public class DirectoryRepository {

    private static final String ASSIGNMENT_COLUMNS =
            "id, username, role, team_id, subject_agent_id, source, valid_from, valid_to, opened_by";

    @Inject
    EntityManager em;

    /** Inserts the team, or fills in name/site the stored row lacks or that changed; true when something changed. */
    public boolean upsertTeam(Team t, Instant now) {
        return em.createNativeQuery("INSERT INTO directory_team (team_id, name, site, created_at, updated_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (team_id) DO UPDATE SET "
                        + "name = COALESCE(EXCLUDED.name, directory_team.name), "
                        + "site = COALESCE(EXCLUDED.site, directory_team.site), updated_at = EXCLUDED.updated_at "
                        + "WHERE (EXCLUDED.name IS NOT NULL AND EXCLUDED.name IS DISTINCT FROM directory_team.name) "
                        + "OR (EXCLUDED.site IS NOT NULL AND EXCLUDED.site IS DISTINCT FROM directory_team.site)")
                .setParameter(1, t.teamId()).setParameter(2, t.name()).setParameter(3, t.site())
                .setParameter(4, Timestamp.from(now)).executeUpdate() > 0;
    }

    /** Inserts the person or updates what changed; true when something changed. */
    public boolean upsertPerson(Person p, Instant now) {
        return em.createNativeQuery("INSERT INTO directory_person (username, display_name, agent_id, updated_at) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (username) DO UPDATE SET "
                        + "display_name = COALESCE(EXCLUDED.display_name, directory_person.display_name), "
                        + "agent_id = COALESCE(EXCLUDED.agent_id, directory_person.agent_id), "
                        + "updated_at = EXCLUDED.updated_at "
                        + "WHERE (EXCLUDED.display_name IS NOT NULL AND EXCLUDED.display_name IS DISTINCT FROM "
                        + "directory_person.display_name) OR (EXCLUDED.agent_id IS NOT NULL AND "
                        + "EXCLUDED.agent_id IS DISTINCT FROM directory_person.agent_id)")
                .setParameter(1, p.username()).setParameter(2, p.displayName()).setParameter(3, p.agentId())
                .setParameter(4, Timestamp.from(now)).executeUpdate() > 0;
    }

    public Optional<Person> person(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT username, display_name, agent_id FROM directory_person "
                + "WHERE username = ?1").setParameter(1, username).getResultList();
        return rows.stream().findFirst().map(r -> new Person((String) r[0], (String) r[1], (String) r[2]));
    }

    public Optional<Person> personByAgent(String agentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT username, display_name, agent_id FROM directory_person "
                + "WHERE agent_id = ?1").setParameter(1, agentId).getResultList();
        return rows.stream().findFirst().map(r -> new Person((String) r[0], (String) r[1], (String) r[2]));
    }

    public Optional<Team> team(String teamId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT team_id, name, site FROM directory_team WHERE team_id = ?1")
                .setParameter(1, teamId).getResultList();
        return rows.stream().findFirst().map(r -> new Team((String) r[0], (String) r[1], (String) r[2]));
    }

    public List<Team> teams() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT team_id, name, site FROM directory_team ORDER BY team_id")
                .getResultList();
        return rows.stream().map(r -> new Team((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** Open assignments of one source, optionally only of some teams (null: all teams). */
    public List<Assignment> openOfSource(String source, List<String> teams) {
        if (teams != null && teams.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + ASSIGNMENT_COLUMNS + " FROM directory_assignment WHERE source = ?1 AND valid_to IS NULL"
                + (teams != null ? " AND team_id IN (?2)" : "") + " ORDER BY id FOR UPDATE";
        var q = em.createNativeQuery(sql).setParameter(1, source);
        if (teams != null) {
            q.setParameter(2, teams);
        }
        return assignments(q.getResultList());
    }

    /** Open AGENT assignments of one source for these agents, in any team (an agent moved by a roster). */
    public List<Assignment> openAgentsOfSource(String source, List<String> agentIds) {
        if (agentIds.isEmpty()) {
            return List.of();
        }
        return assignments(em.createNativeQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM directory_assignment "
                        + "WHERE source = ?1 AND valid_to IS NULL AND role = 'AGENT' AND subject_agent_id IN (?2) "
                        + "ORDER BY id FOR UPDATE")
                .setParameter(1, source).setParameter(2, agentIds).getResultList());
    }

    /** Every assignment (open and closed) of a team, or naming an agent of it. */
    public List<Assignment> ofTeam(String teamId) {
        return assignments(em.createNativeQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM directory_assignment "
                + "WHERE team_id = ?1 ORDER BY valid_from, id").setParameter(1, teamId).getResultList());
    }

    /** Every assignment held by a person. */
    public List<Assignment> ofPerson(String username) {
        return assignments(em.createNativeQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM directory_assignment "
                + "WHERE username = ?1 ORDER BY valid_from, id").setParameter(1, username).getResultList());
    }

    /** The agent's own assignments and every assignment of the teams the agent has ever been in. */
    public List<Assignment> aroundAgent(String agentId) {
        return assignments(em.createNativeQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM directory_assignment "
                + "WHERE subject_agent_id = ?1 OR team_id IN (SELECT team_id FROM directory_assignment "
                + "WHERE role = 'AGENT' AND subject_agent_id = ?1) ORDER BY valid_from, id")
                .setParameter(1, agentId).getResultList());
    }

    public void open(Assignment.Key k, Instant from, String by) {
        em.createNativeQuery("INSERT INTO directory_assignment (username, role, team_id, subject_agent_id, source, "
                        + "valid_from, opened_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, k.username()).setParameter(2, k.role().name()).setParameter(3, k.teamId())
                .setParameter(4, k.subjectAgentId()).setParameter(5, k.source()).setParameter(6, Timestamp.from(from))
                .setParameter(7, by).executeUpdate();
    }

    public void close(long id, Instant to, String by) {
        em.createNativeQuery("UPDATE directory_assignment SET valid_to = ?2, closed_by = ?3 WHERE id = ?1 "
                        + "AND valid_to IS NULL")
                .setParameter(1, id).setParameter(2, Timestamp.from(to)).setParameter(3, by).executeUpdate();
    }

    private static List<Assignment> assignments(List<?> rows) {
        return rows.stream().map(o -> (Object[]) o).map(r -> new Assignment(((Number) r[0]).longValue(),
                new Assignment.Key((String) r[1], DirectoryRole.valueOf((String) r[2]), (String) r[3], (String) r[4],
                        (String) r[5]), instant(r[6]), instant(r[7]), (String) r[8])).toList();
    }

    private static Instant instant(Object o) {
        return RetentionRepository.instant(o);
    }
}
