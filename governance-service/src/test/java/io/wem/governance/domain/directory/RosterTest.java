package io.wem.governance.domain.directory;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterTest {

    private static RosterRow row(int n, String team, String user, String role, String agentId, String forAgent) {
        return new RosterRow(n, team, null, null, user, null, role, agentId, forAgent);
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndField() {
        Roster r = Roster.check(List.of(
                row(2, "t1", "s1", "supervisor", null, null),
                row(3, "t1", "a1", "agent", null, null),
                row(4, "", "c1", "coach", null, null),
                row(5, "t1", "x1", "janitor", null, null),
                row(6, "t1", "s2", "supervisor", "ag-9", null),
                row(7, "t1", "c2", "coach", null, "ag-unknown")));
        assertFalse(r.valid());
        assertTrue(r.errors().contains(new RowError(3, "agentId", "required for an agent")));
        assertTrue(r.errors().contains(new RowError(4, "teamId", "required")));
        assertTrue(r.errors().stream().anyMatch(e -> e.row() == 5 && e.field().equals("role")));
        assertTrue(r.errors().stream().anyMatch(e -> e.row() == 6 && e.field().equals("agentId")));
        assertTrue(r.errors().stream().anyMatch(e -> e.row() == 7 && e.field().equals("forAgent")));
        assertEquals(5, r.errors().size());
    }

    @Test
    void anAgentBelongsToOneTeamAndOnePerson() {
        Roster r = Roster.check(List.of(
                row(1, "t1", "a1", "agent", "ag-1", null),
                row(2, "t2", "a1", "agent", "ag-1", null),
                row(3, "t1", "b1", "agent", "ag-1", null)));
        assertEquals(List.of(2, 3), r.errors().stream().map(RowError::row).toList());
    }

    @Test
    void sameRosterTwiceOpensAndClosesNothing() {
        List<RosterRow> rows = List.of(row(1, "t1", "s1", "supervisor", null, null),
                row(2, "t1", "a1", "agent", "ag-1", null), row(3, "t1", "c1", "coach", null, "ag-1"));
        Roster first = Roster.check(rows);
        assertTrue(first.valid());
        Reconciliation initial = Reconciliation.plan(List.of(), first.assignments());
        assertEquals(3, initial.toOpen().size());
        List<Assignment> stored = new ArrayList<>();
        long id = 1;
        for (Assignment.Key k : initial.toOpen()) {
            stored.add(new Assignment(id++, k, Instant.EPOCH, null, "test"));
        }
        assertTrue(Reconciliation.plan(stored, Roster.check(rows).assignments()).unchanged());
        Reconciliation without = Reconciliation.plan(stored, Roster.check(rows.subList(0, 2)).assignments());
        assertEquals(List.of(), without.toOpen());
        assertEquals(1, without.toClose().size());
        assertEquals(DirectoryRole.COACH, without.toClose().get(0).key().role());
    }

    @Test
    void csvWithQuotesBomAndCamelCaseHeader() {
        List<RowError> errors = new ArrayList<>();
        List<RosterRow> rows = CsvRoster.parse("\uFEFFteamId,username,role,agent_id,display_name\r\n"
                + "t1,a1,agent,ag-1,\"Doe, Jane\"\r\n\r\nt1,s1,supervisor,,\n", errors);
        assertEquals(List.of(), errors);
        assertEquals(2, rows.size());
        assertEquals("Doe, Jane", rows.get(0).displayName());
        assertEquals(2, rows.get(0).row());
        assertEquals(4, rows.get(1).row());
    }

    @Test
    void csvMissingRequiredColumnIsAHeaderError() {
        List<RowError> errors = new ArrayList<>();
        CsvRoster.parse("team_id,username,colour\nt1,a1,red\n", errors);
        assertTrue(errors.contains(new RowError(1, "role", "required column missing")));
        assertTrue(errors.stream().anyMatch(e -> e.field().equals("colour")));
    }

    @Test
    void rosterBeatsKeycloakForAnAgentsTeamAndHistoryAnswersThePast() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t1 = Instant.parse("2026-02-01T00:00:00Z");
        List<Assignment> as = List.of(
                new Assignment(1, new Assignment.Key("a1", DirectoryRole.AGENT, "north", "ag-1", "keycloak"), t0, null, "x"),
                new Assignment(2, new Assignment.Key("a1", DirectoryRole.AGENT, "south", "ag-1", "roster"), t0, t1, "x"),
                new Assignment(3, new Assignment.Key("a1", DirectoryRole.AGENT, "east", "ag-1", "roster"), t1, null, "x"),
                new Assignment(4, new Assignment.Key("sup-e", DirectoryRole.SUPERVISOR, "east", null, "roster"), t0, null, "x"),
                new Assignment(5, new Assignment.Key("sup-s", DirectoryRole.SUPERVISOR, "south", null, "roster"), t0, null, "x"));
        assertEquals("south", Placement.teamOf("ag-1", as, t0.plusSeconds(5)).orElseThrow());
        assertEquals("east", Placement.teamOf("ag-1", as, t1).orElseThrow());
        assertEquals(List.of("sup-e"), Placement.agent("ag-1", "a1", as, t1).supervisors());
        assertEquals(List.of("sup-s"), Placement.agent("ag-1", "a1", as, t0).supervisors());
        assertEquals(Set.of("east"), Placement.person("a1", "ag-1", as, t1).teams());
    }

    @Test
    void keycloakGroupsBecomeTeamsAndAgentsWithoutAnIdAreSkipped() {
        KeycloakDirectory.State s = KeycloakDirectory.map(List.of("/team-north"), List.of(
                new KeycloakDirectory.User("agent1", null, "ag-n1", Set.of("agent", "offline_access"), List.of("/team-north")),
                new KeycloakDirectory.User("agentX", null, null, Set.of("agent"), List.of("/team-north")),
                new KeycloakDirectory.User("coach1", null, null, Set.of("coach"), List.of("/team-north", "/site/team-west"))));
        assertEquals(Set.of("team-north", "team-west"), s.teams().keySet());
        assertEquals(List.of("agentX"), s.skipped());
        assertEquals(3, s.assignments().size());
    }
}
