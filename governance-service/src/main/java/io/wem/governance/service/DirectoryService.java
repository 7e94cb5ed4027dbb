package io.wem.governance.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.wem.common.directory.AgentPlacement;
import io.wem.common.directory.PersonPlacement;
import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.governance.client.KeycloakAdminClient;
import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.domain.directory.Assignment;
import io.wem.governance.domain.directory.DirectoryRole;
import io.wem.governance.domain.directory.KeycloakDirectory;
import io.wem.governance.domain.directory.Person;
import io.wem.governance.domain.directory.Placement;
import io.wem.governance.domain.directory.Reconciliation;
import io.wem.governance.domain.directory.Roster;
import io.wem.governance.domain.directory.RosterRow;
import io.wem.governance.domain.directory.RowError;
import io.wem.governance.domain.directory.Team;
import io.wem.governance.persistence.DirectoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation directory: roster import and Keycloak sync (each reconciled as its own source), and reads for
 * people and services. Changes close and open assignments; nothing is deleted, so history answers "who was where".
 */
@ApplicationScoped
public class DirectoryService {
    private static final Logger LOG = Logger.getLogger(DirectoryService.class);
    private static final int PAGE = 200;

    @Inject
    DirectoryRepository repo;

    @Inject
    Clock clock;

    @Inject
    GovernanceConfig config;

    @Inject
    @RestClient
    KeycloakAdminClient keycloak;

    @Inject
    MeterRegistry metrics;

    @Inject
    AuditLogService auditLog;

    /** What an import or sync changed. */
    public record ChangeReport(String source, int lines, int teamsChanged, int peopleChanged, int assignmentsOpened,
                               int assignmentsClosed, List<String> skipped) {
    }

    public record TeamView(Team team, List<String> agents, List<AssignmentView> assignments) {
    }

    public record PersonView(Person person, PersonPlacement now, List<AssignmentView> assignments) {
    }

    public record AssignmentView(String username, String role, String teamId, String agentId, String source,
                                 Instant validFrom, Instant validTo) {
        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.key().username(), a.key().role().wire(), a.key().teamId(),
                    a.key().subjectAgentId(), a.key().source(), a.validFrom(), a.validTo());
        }
    }

    /** Imports a roster (all or nothing): 400 problem+json naming each bad line as {@code rows[<line>].<field>}. */
    @Transactional
    public ChangeReport importRoster(List<RosterRow> rows, List<RowError> parseErrors, Caller caller) {
        List<RowError> errors = new ArrayList<>(parseErrors);
        Roster roster = Roster.check(rows);
        errors.addAll(roster.errors());
        for (Person p : roster.people().values()) {
            if (p.agentId() != null) {
                repo.personByAgent(p.agentId()).filter(q -> !q.username().equals(p.username())).ifPresent(q ->
                        errors.add(new RowError(lineOf(rows, p.agentId()), "agentId",
                                "agent id " + p.agentId() + " already belongs to " + q.username())));
            }
            repo.person(p.username()).filter(q -> q.agentId() != null && p.agentId() != null
                    && !q.agentId().equals(p.agentId())).ifPresent(q ->
                    errors.add(new RowError(lineOf(rows, p.agentId()), "agentId",
                            "user " + p.username() + " already has agent id " + q.agentId())));
        }
        if (!errors.isEmpty()) {
            metrics.counter("wem_directory_roster_rejected_total").increment();
            throw new ProblemException(Problem.validation(errors.stream().limit(500)
                    .map(e -> new Problem.FieldError("rows[" + e.row() + "]." + e.field(), e.message())).toList()));
        }
        List<Assignment> openNow = new ArrayList<>(repo.openOfSource(Roster.SOURCE, List.copyOf(roster.teams().keySet())));
        List<String> agents = roster.people().values().stream().map(Person::agentId).filter(a -> a != null).toList();
        Set<Long> seen = new LinkedHashSet<>();
        openNow.forEach(a -> seen.add(a.id()));
        repo.openAgentsOfSource(Roster.SOURCE, agents).stream().filter(a -> seen.add(a.id())).forEach(openNow::add);
        ChangeReport report = apply(Roster.SOURCE, rows.size(), roster.teams(), roster.people(), openNow,
                roster.assignments(), List.of(), caller.actor());
        auditLog.recordOwn(caller, null, "DIRECTORY_ROSTER_IMPORT", "directory/roster",
                report.assignmentsOpened() + " opened, " + report.assignmentsClosed() + " closed");
        return report;
    }

    /** Reads Keycloak's groups and users and reconciles the "keycloak" source with them. */
    @Transactional
    public ChangeReport syncFromKeycloak(String actor) {
        String realm = config.keycloak().realm();
        List<String> groups = new ArrayList<>();
        List<KeycloakDirectory.User> users = new ArrayList<>();
        try {
            for (int first = 0; ; first += PAGE) {
                List<KeycloakAdminClient.KcGroup> page = keycloak.allGroups(realm, first, PAGE);
                page.forEach(g -> groups.add(g.path() != null ? g.path() : g.name()));
                if (page.size() < PAGE) {
                    break;
                }
            }
            for (int first = 0; ; first += PAGE) {
                List<KeycloakAdminClient.KcUser> page = keycloak.users(realm, first, PAGE, false);
                for (KeycloakAdminClient.KcUser u : page) {
                    if (u.username() == null || u.username().startsWith("service-account-")
                            || Boolean.FALSE.equals(u.enabled())) {
                        continue;   // a disabled account holds no assignment
                    }
                    Set<String> roles = new LinkedHashSet<>();
                    keycloak.realmRoles(realm, u.id()).forEach(r -> roles.add(r.name()));
                    List<String> userGroups = keycloak.groups(realm, u.id()).stream()
                            .map(g -> g.path() != null ? g.path() : g.name()).toList();
                    users.add(new KeycloakDirectory.User(u.username(), displayName(u), attribute(u, "agent_id"),
                            roles, userGroups));
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            metrics.counter("wem_directory_sync_failures_total").increment();
            LOG.warnf("directory sync: Keycloak admin API unavailable: %s", e.getClass().getSimpleName());
            throw ProblemException.unavailable("Keycloak admin API is unavailable", Duration.ofSeconds(30));
        }
        KeycloakDirectory.State state = KeycloakDirectory.map(groups, users);
        Map<String, Person> people = new LinkedHashMap<>(state.people());
        // an agent id Keycloak gives to a different person than the roster did is not taken over
        people.replaceAll((u, p) -> p.agentId() != null && repo.personByAgent(p.agentId())
                .filter(q -> !q.username().equals(u)).isPresent() ? new Person(u, p.displayName(), null) : p);
        Set<Assignment.Key> keys = new LinkedHashSet<>();
        for (Assignment.Key k : state.assignments()) {
            if (k.role() != DirectoryRole.AGENT || people.get(k.username()).agentId() != null) {
                keys.add(k);
            }
        }
        ChangeReport report = apply(KeycloakDirectory.SOURCE, users.size(), state.teams(), people,
                repo.openOfSource(KeycloakDirectory.SOURCE, null), keys, state.skipped(), actor);
        metrics.counter("wem_directory_syncs_total").increment();
        return report;
    }

    /** Scheduled Keycloak sync (wem.governance.directory.sync-every; "off" disables it). */
    @Scheduled(every = "${wem.governance.directory.sync-every}", delayed = "${wem.governance.directory.sync-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "directory-sync")
    void scheduledSync() {
        try {
            ChangeReport r = syncFromKeycloak("directory-sync");
            if (r.assignmentsOpened() + r.assignmentsClosed() > 0) {
                LOG.infof("directory sync: %d assignments opened, %d closed", r.assignmentsOpened(),
                        r.assignmentsClosed());
            }
        } catch (RuntimeException e) {
            LOG.warnf("directory sync failed: %s", e.getMessage());
        }
    }

    private ChangeReport apply(String source, int lines, Map<String, Team> teams, Map<String, Person> people,
                               List<Assignment> openNow, Set<Assignment.Key> desired, List<String> skipped,
                               String actor) {
        Instant now = clock.instant();
        int teamsChanged = 0;
        int peopleChanged = 0;
        for (Team t : teams.values()) {
            teamsChanged += repo.upsertTeam(t, now) ? 1 : 0;
        }
        for (Person p : people.values()) {
            peopleChanged += repo.upsertPerson(p, now) ? 1 : 0;
        }
        Reconciliation plan = Reconciliation.plan(openNow, desired);
        for (Assignment a : plan.toClose()) {
            repo.close(a.id(), now, actor);
        }
        for (Assignment.Key k : plan.toOpen()) {
            repo.open(k, now, actor);
        }
        metrics.counter("wem_directory_assignments_opened_total", "source", source).increment(plan.toOpen().size());
        metrics.counter("wem_directory_assignments_closed_total", "source", source).increment(plan.toClose().size());
        return new ChangeReport(source, lines, teamsChanged, peopleChanged, plan.toOpen().size(),
                plan.toClose().size(), skipped);
    }

    // -- reads

    @Transactional
    public List<Team> teams() {
        return repo.teams();
    }

    @Transactional
    public boolean knowsTeam(String teamId) {
        return repo.team(teamId).isPresent();
    }

    @Transactional
    public TeamView team(String teamId) {
        Team team = repo.team(teamId).orElseThrow(() -> ProblemException.notFound("team " + teamId));
        List<Assignment> all = repo.ofTeam(teamId);
        Instant now = clock.instant();
        List<String> agents = all.stream().filter(a -> a.key().role() == DirectoryRole.AGENT && a.validAt(now))
                .map(a -> a.key().subjectAgentId())
                .filter(agent -> teamId.equals(Placement.teamOf(agent, repo.aroundAgent(agent), now).orElse(null)))
                .distinct().sorted().toList();
        return new TeamView(team, agents, all.stream().map(AssignmentView::of).toList());
    }

    @Transactional
    public PersonView personView(String username) {
        Person p = repo.person(username).orElseThrow(() -> ProblemException.notFound("person " + username));
        List<Assignment> own = repo.ofPerson(username);
        return new PersonView(p, Placement.person(username, p.agentId(), withAgentContext(p, own), clock.instant()),
                own.stream().map(AssignmentView::of).toList());
    }

    /** The agent's placement at {@code at} (default now); empty for an agent id the directory does not know. */
    @Transactional
    public Optional<AgentPlacement> agent(String agentId, Instant at) {
        List<Assignment> around = repo.aroundAgent(agentId);
        Optional<Person> person = repo.personByAgent(agentId);
        if (person.isEmpty() && around.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Placement.agent(agentId, person.map(Person::username).orElse(null), around,
                at != null ? at : clock.instant()));
    }

    @Transactional
    public PersonPlacement person(String username, Instant at) {
        Optional<Person> p = repo.person(username);
        if (p.isEmpty()) {
            return PersonPlacement.unknown(username);
        }
        return Placement.person(username, p.get().agentId(), withAgentContext(p.get(), repo.ofPerson(username)),
                at != null ? at : clock.instant());
    }

    @Transactional
    public List<String> assignees(String teamId, String role, Instant at) {
        DirectoryRole r = DirectoryRole.parse(role).orElseThrow(() -> ProblemException.badRequest("role",
                "unknown role; one of agent, supervisor, coach, trainer, qa-analyst, wfm-planner, process-owner"));
        if (r == DirectoryRole.AGENT) {
            return team(teamId).agents();
        }
        return Placement.assignees(teamId, r, repo.ofTeam(teamId), at != null ? at : clock.instant());
    }

    /** An agent's own assignments plus those naming them, so the agent's winning team can be decided. */
    private List<Assignment> withAgentContext(Person p, List<Assignment> own) {
        if (p.agentId() == null) {
            return own;
        }
        List<Assignment> all = new ArrayList<>(own);
        repo.aroundAgent(p.agentId()).stream().filter(a -> all.stream().noneMatch(b -> b.id() == a.id())).forEach(all::add);
        return all;
    }

    private static int lineOf(List<RosterRow> rows, String agentId) {
        return rows.stream().filter(r -> agentId.equals(r.agentId() == null ? null : r.agentId().strip()))
                .mapToInt(RosterRow::row).findFirst().orElse(0);
    }

    private static String attribute(KeycloakAdminClient.KcUser u, String name) {
        if (u.attributes() == null || u.attributes().get(name) == null || u.attributes().get(name).isEmpty()) {
            return null;
        }
        String v = u.attributes().get(name).get(0);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String displayName(KeycloakAdminClient.KcUser u) {
        String n = ((u.firstName() == null ? "" : u.firstName()) + " " + (u.lastName() == null ? "" : u.lastName())).strip();
        return n.isEmpty() ? null : n;
    }
}
