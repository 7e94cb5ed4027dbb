package io.wem.governance.domain.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Keycloak users (realm roles, group paths, agent_id attribute) into directory assignments of source
 * "keycloak": a top-level group is a team; a user holds, in each of their groups, each directory role among their
 * realm roles. An agent without an agent_id attribute is skipped (and counted), since nothing could name them.
 */
public final class KeycloakDirectory {

    public static final String SOURCE = "keycloak";

    private KeycloakDirectory() {
    }

    public record User(String username, String displayName, String agentId, Set<String> realmRoles, List<String> groups) {
    }

    public record State(Map<String, Team> teams, Map<String, Person> people, Set<Assignment.Key> assignments,
                        List<String> skipped) {
    }

    public static State map(List<String> groupPaths, List<User> users) {
        Map<String, Team> teams = new LinkedHashMap<>();
        for (String g : groupPaths) {
            String t = team(g);
            if (t != null) {
                teams.put(t, new Team(t, null, null));
            }
        }
        Map<String, Person> people = new LinkedHashMap<>();
        Set<Assignment.Key> keys = new LinkedHashSet<>();
        List<String> skipped = new ArrayList<>();
        for (User u : users) {
            if (u.username() == null || u.username().startsWith("service-account-")) {
                continue;
            }
            List<DirectoryRole> roles = u.realmRoles().stream().map(DirectoryRole::parse)
                    .flatMap(java.util.Optional::stream).toList();
            if (roles.contains(DirectoryRole.AGENT) && u.agentId() == null) {
                skipped.add(u.username());
            }
            people.put(u.username(), new Person(u.username(), u.displayName(), u.agentId()));
            for (String g : u.groups()) {
                String team = team(g);
                if (team == null) {
                    continue;
                }
                teams.putIfAbsent(team, new Team(team, null, null));
                for (DirectoryRole r : roles) {
                    if (r == DirectoryRole.AGENT && u.agentId() == null) {
                        continue;
                    }
                    keys.add(new Assignment.Key(u.username(), r, team, r == DirectoryRole.AGENT ? u.agentId() : null,
                            SOURCE));
                }
            }
        }
        return new State(teams, people, keys, skipped);
    }

    /** "/team-north" is team "team-north"; sub-groups ("/site/team") name their last segment. */
    static String team(String path) {
        if (path == null) {
            return null;
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = p.lastIndexOf('/');
        String name = slash >= 0 ? p.substring(slash + 1) : p;
        return name.isBlank() ? null : name;
    }
}
