package io.wem.governance.domain.access;

import io.wem.common.access.Endpoint;
import io.wem.common.contracts.DataClasses;
import io.wem.common.security.Roles;
import io.wem.testing.AccessDeclarations;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assembled matrix: caching of the services' answers, and who reads what with which scope. */
class AccessMatrixTest {

    static final Instant T0 = Instant.parse("2026-12-04T07:00:00Z");
    static final Duration FRESH = Duration.ofMinutes(5);
    static final Duration RETRY = Duration.ofSeconds(15);

    static Endpoint get(String path, List<String> roles, List<String> reads, List<String> allAgents,
                        List<String> teamRoles) {
        return new Endpoint("GET", path, Endpoint.ROLES, roles, reads, reads, List.of(), allAgents, teamRoles, true,
                "X#y");
    }

    @Test
    void aServiceThatNeverAnsweredIsUnavailableNotDropped() {
        MatrixCache c = MatrixCache.EMPTY;
        assertTrue(c.needsFetch(T0, FRESH, RETRY));
        c = c.failed("ConnectException: refused", T0);
        assertEquals(AccessMatrix.UNAVAILABLE, c.source().status());
        assertEquals("ConnectException: refused", c.source().problem());
        assertEquals(List.of(), c.shown());
        assertFalse(c.needsFetch(T0.plusSeconds(14), FRESH, RETRY), "a dead service is not asked on every request");
        assertTrue(c.needsFetch(T0.plusSeconds(15), FRESH, RETRY));

        AccessMatrix m = AccessMatrix.of(T0, Map.of("governance-service", List.of(), "signal-service", c.shown()),
                Map.of("governance-service", new AccessMatrix.Source(AccessMatrix.OK, T0, null),
                        "signal-service", c.source()));
        assertTrue(m.services().containsKey("signal-service"));
        assertEquals(List.of("signal-service"), m.incomplete());
    }

    @Test
    void aFailureAfterAGoodAnswerShowsTheLastAnswerAsStale() {
        List<Endpoint> eps = List.of(get("/a", List.of(Roles.AGENT), List.of(DataClasses.TRANSCRIPT), List.of(),
                List.of()));
        MatrixCache c = MatrixCache.EMPTY.succeeded(eps, T0);
        assertEquals(AccessMatrix.OK, c.source().status());
        assertNull(c.source().problem());
        assertFalse(c.needsFetch(T0.plus(FRESH).minusSeconds(1), FRESH, RETRY));
        assertTrue(c.needsFetch(T0.plus(FRESH), FRESH, RETRY));
        c = c.failed("timeout", T0.plus(FRESH));
        assertEquals(AccessMatrix.STALE, c.source().status());
        assertEquals(T0, c.source().fetchedAt());
        assertEquals(eps, c.shown());
        c = c.succeeded(eps, T0.plus(FRESH).plus(RETRY));
        assertEquals(AccessMatrix.OK, c.source().status());
    }

    @Test
    void scopesFollowTheDeclaration() {
        Endpoint e = get("/api/v1/agents/{agentId}/x", List.of(Roles.AGENT, Roles.SUPERVISOR, Roles.COACH,
                        Roles.QA_ANALYST, Roles.CISO, Roles.PLATFORM_ADMIN, Roles.SVC_MEASUREMENTS),
                List.of(DataClasses.INTERACTION_SIGNAL), List.of(Roles.QA_ANALYST), List.of(Roles.PLATFORM_ADMIN));
        assertEquals(Visibility.SELF, Visibility.scope(e, Roles.AGENT));
        assertEquals(Visibility.TEAM, Visibility.scope(e, Roles.SUPERVISOR));
        assertEquals(Visibility.TEAM, Visibility.scope(e, Roles.COACH));
        assertEquals(Visibility.TEAM, Visibility.scope(e, Roles.PLATFORM_ADMIN));
        assertEquals(Visibility.ALL, Visibility.scope(e, Roles.QA_ANALYST));
        assertEquals(Visibility.ALL, Visibility.scope(e, Roles.SVC_MEASUREMENTS));
        assertNull(Visibility.scope(e, Roles.CISO), "allowed to call, but reads no agent's data there");
        assertNull(Visibility.scope(e, Roles.WFM_PLANNER), "not allowed to call");
        Endpoint open = new Endpoint("GET", "/open", Endpoint.AUTHENTICATED, List.of(), List.of(DataClasses.TRANSCRIPT),
                List.of(DataClasses.TRANSCRIPT), List.of(), List.of(), List.of(), true, "X#open");
        assertEquals(Visibility.ALL, Visibility.scope(open, Roles.WFM_PLANNER), "no role check reads as everyone");
    }

    @Test
    void readersAreCollectedAcrossServicesWithTheirEndpoints() {
        AccessMatrix m = AccessMatrix.of(T0, Map.of(
                "signal-service", List.of(
                        get("/api/v1/gaps", List.of(Roles.AGENT, Roles.SUPERVISOR, Roles.QA_ANALYST, Roles.SERVICE),
                                List.of(DataClasses.INTERACTION_SIGNAL), List.of(Roles.QA_ANALYST), List.of()),
                        get("/api/v1/behaviors", List.of(Roles.AGENT, Roles.WFM_PLANNER), List.of(), List.of(),
                                List.of())),
                "coaching-service", List.of(
                        get("/api/v1/interventions", List.of(Roles.SUPERVISOR, Roles.PROCESS_OWNER),
                                List.of(DataClasses.COACHING_RECORD), List.of(Roles.PROCESS_OWNER), List.of()))),
                Map.of());
        List<Visibility.Reader> signal = Visibility.people(m, DataClasses.INTERACTION_SIGNAL);
        assertEquals(List.of(
                new Visibility.Reader(Roles.AGENT, Visibility.SELF, List.of("signal-service GET /api/v1/gaps")),
                new Visibility.Reader(Roles.QA_ANALYST, Visibility.ALL, List.of("signal-service GET /api/v1/gaps")),
                new Visibility.Reader(Roles.SUPERVISOR, Visibility.TEAM, List.of("signal-service GET /api/v1/gaps"))),
                signal);
        assertEquals(List.of(new Visibility.Reader(Roles.SERVICE, Visibility.ALL,
                List.of("signal-service GET /api/v1/gaps"))), Visibility.services(m, DataClasses.INTERACTION_SIGNAL));
        assertEquals(List.of(Roles.PROCESS_OWNER, Roles.SUPERVISOR), Visibility.people(m, DataClasses.COACHING_RECORD)
                .stream().map(Visibility.Reader::role).toList());
        assertTrue(Visibility.people(m, DataClasses.WELLBEING_METRIC).isEmpty());
    }

    /** governance-service's own code, read the way the running service reads it: the ciso reads every audit record. */
    @Test
    void governanceCodeGivesTheAuditLogToTheCisoAndTheAgentsOwnView() {
        AccessMatrix m = AccessMatrix.of(T0, Map.of("governance-service", AccessDeclarations.endpoints()), Map.of());
        List<Visibility.Reader> audit = Visibility.people(m, DataClasses.AUDIT_EVENT);
        assertTrue(audit.stream().anyMatch(r -> r.role().equals(Roles.CISO) && r.scope().equals(Visibility.ALL)
                && r.via().contains("governance-service GET /api/v1/audit/events")), audit.toString());
        assertTrue(audit.stream().anyMatch(r -> r.role().equals(Roles.AGENT) && r.scope().equals(Visibility.SELF)
                && r.via().contains("governance-service GET /api/v1/transparency/me")), audit.toString());
        assertTrue(audit.stream().anyMatch(r -> r.role().equals(Roles.GOVERNANCE_ADMIN)
                && r.via().contains("governance-service GET /api/v1/subject-requests/{id}/export")), audit.toString());
    }

    @Test
    void namedPeopleFollowTheScopeOfEachReader() {
        List<Visibility.Reader> readers = List.of(
                new Visibility.Reader(Roles.AGENT, Visibility.SELF, List.of("s GET /me")),
                new Visibility.Reader(Roles.SUPERVISOR, Visibility.TEAM, List.of("s GET /agents/{agentId}")),
                new Visibility.Reader(Roles.SUPERVISOR, Visibility.ALL, List.of("s GET /everything")),
                new Visibility.Reader(Roles.COACH, Visibility.TEAM, List.of("s GET /agents/{agentId}")),
                new Visibility.Reader(Roles.QA_ANALYST, Visibility.ALL, List.of("s GET /agents/{agentId}")));
        Map<String, List<String>> holders = Map.of(Roles.AGENT, List.of("agent1", "agent2"),
                Roles.SUPERVISOR, List.of("sup-north", "sup-south"), Roles.COACH, List.of("coach-south"),
                Roles.QA_ANALYST, List.of("qa1"));
        Map<String, java.util.Set<String>> teams = Map.of("sup-north", java.util.Set.of("north"),
                "sup-south", java.util.Set.of("south"), "coach-south", java.util.Set.of("south"));
        List<Visibility.Person> people = Visibility.named(readers, "agent1", "north", holders,
                u -> teams.getOrDefault(u, java.util.Set.of()));
        assertEquals(List.of("agent1", "qa1", "sup-north", "sup-south"),
                people.stream().map(Visibility.Person::username).toList(),
                "the agent, qa (ALL), both supervisors (one endpoint reads any agent); not agent2, not the coach");
        Visibility.Person north = people.stream().filter(p -> p.username().equals("sup-north")).findFirst().orElseThrow();
        assertEquals(Visibility.ALL, north.scope(), "the wider scope wins");
        assertEquals(List.of("s GET /agents/{agentId}", "s GET /everything"), north.via());
        assertEquals(List.of(), Visibility.named(readers.subList(1, 2), "agent1", null, holders,
                u -> teams.getOrDefault(u, java.util.Set.of())), "an agent in no team is seen by no TEAM reader");
    }
}
