package io.wem.governance.domain.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A roster checked line by line. A roster is the full state of the teams it names: after an import, the roster
 * source's open assignments of those teams are exactly the roster's lines (teams it does not name are untouched).
 * Every broken line is reported; a roster with any error is not applied at all, so a half-imported team never
 * exists.
 */
public record Roster(Map<String, Team> teams, Map<String, Person> people, Set<Assignment.Key> assignments,
                     List<RowError> errors) {

    public static final String SOURCE = "roster";
    public static final int MAX_ROWS = 20_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    public boolean valid() {
        return errors.isEmpty();
    }

    public static Roster check(List<RosterRow> rows) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Team> teams = new LinkedHashMap<>();
        Map<String, Person> people = new LinkedHashMap<>();
        Set<Assignment.Key> keys = new LinkedHashSet<>();
        Map<String, String> agentOwner = new HashMap<>();   // agentId -> username
        Map<String, String> agentTeam = new HashMap<>();    // agentId -> team
        List<RosterRow> forAgentRows = new ArrayList<>();
        if (rows.size() > MAX_ROWS) {
            errors.add(new RowError(0, "rows", "at most " + MAX_ROWS + " lines per roster"));
            return new Roster(Map.of(), Map.of(), Set.of(), errors);
        }
        for (RosterRow r : rows) {
            int before = errors.size();
            String team = trim(r.teamId());
            String user = trim(r.username());
            String agentId = trim(r.agentId());
            String forAgent = trim(r.forAgent());
            require(errors, r.row(), "teamId", team);
            require(errors, r.row(), "username", user);
            DirectoryRole role = null;
            if (trim(r.role()) == null) {
                errors.add(new RowError(r.row(), "role", "required"));
            } else {
                role = DirectoryRole.parse(r.role()).orElse(null);
                if (role == null) {
                    errors.add(new RowError(r.row(), "role", "unknown role; one of agent, supervisor, coach, trainer, "
                            + "qa-analyst, wfm-planner, process-owner"));
                }
            }
            if (role == DirectoryRole.AGENT) {
                if (agentId == null) {
                    errors.add(new RowError(r.row(), "agentId", "required for an agent"));
                } else {
                    format(errors, r.row(), "agentId", agentId);
                }
                if (forAgent != null) {
                    errors.add(new RowError(r.row(), "forAgent", "only coach and trainer lines name an agent"));
                }
            } else if (role != null) {
                if (agentId != null) {
                    errors.add(new RowError(r.row(), "agentId", "only agent lines carry an agent id"));
                }
                if (forAgent != null && role != DirectoryRole.COACH && role != DirectoryRole.TRAINER) {
                    errors.add(new RowError(r.row(), "forAgent", "only coach and trainer lines name an agent"));
                }
            }
            if (errors.size() > before) {
                continue;
            }
            Team t = new Team(team, trim(r.teamName()), trim(r.site()));
            Team known = teams.putIfAbsent(team, t);
            if (known != null && !sameAttributes(known, t)) {
                errors.add(new RowError(r.row(), t.site() != null && !t.site().equals(known.site()) ? "site" : "teamName",
                        "differs from an earlier line of team " + team));
                continue;
            }
            if (known != null && known.name() == null && known.site() == null) {
                teams.put(team, t);
            }
            Person p = people.get(user);
            if (p != null && agentId != null && p.agentId() != null && !p.agentId().equals(agentId)) {
                errors.add(new RowError(r.row(), "agentId", "user " + user + " already has agent id " + p.agentId()));
                continue;
            }
            if (role == DirectoryRole.AGENT) {
                String owner = agentOwner.putIfAbsent(agentId, user);
                if (owner != null && !owner.equals(user)) {
                    errors.add(new RowError(r.row(), "agentId", "agent id " + agentId + " already belongs to " + owner));
                    continue;
                }
                String inTeam = agentTeam.putIfAbsent(agentId, team);
                if (inTeam != null && !inTeam.equals(team)) {
                    errors.add(new RowError(r.row(), "teamId", "agent " + agentId + " is already in team " + inTeam
                            + "; an agent belongs to one team"));
                    continue;
                }
            }
            String name = trim(r.displayName());
            people.put(user, new Person(user, name != null ? name : p != null ? p.displayName() : null,
                    agentId != null ? agentId : p != null ? p.agentId() : null));
            if (forAgent != null) {
                forAgentRows.add(r);
            }
            keys.add(new Assignment.Key(user, role, team, role == DirectoryRole.AGENT ? agentId : forAgent, SOURCE));
        }
        for (RosterRow r : forAgentRows) {
            String forAgent = trim(r.forAgent());
            if (!Objects.equals(agentTeam.get(forAgent), trim(r.teamId()))) {
                errors.add(new RowError(r.row(), "forAgent", "agent " + forAgent + " is not an agent of team "
                        + trim(r.teamId()) + " in this roster"));
            }
        }
        return new Roster(teams, people, keys, errors);
    }

    private static boolean sameAttributes(Team a, Team b) {
        return (b.name() == null || a.name() == null || a.name().equals(b.name()))
                && (b.site() == null || a.site() == null || a.site().equals(b.site()));
    }

    private static void require(List<RowError> errors, int row, String field, String value) {
        if (value == null) {
            errors.add(new RowError(row, field, "required"));
        } else {
            format(errors, row, field, value);
        }
    }

    private static void format(List<RowError> errors, int row, String field, String value) {
        if (!ID.matcher(value).matches()) {
            errors.add(new RowError(row, field, "1-128 letters, digits, '.', '_', '@' or '-', starting with a letter or digit"));
        }
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
