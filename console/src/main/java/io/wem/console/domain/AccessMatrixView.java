package io.wem.console.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * governance's access matrix (per service, every endpoint with the roles allowed to call it and the personal data it
 * reads and writes) turned around for a reviewer: per role, which data classes it reads about any agent, about its
 * own teams, or only as the endpoint limits it (own data), what it writes, and which accounts hold the role (from
 * governance's access review). Built from the answers as plain maps and lists; it decides nothing.
 */
public final class AccessMatrixView {

    private AccessMatrixView() {
    }

    /** One role: the accounts that hold it and its reach into personal data, each list sorted. */
    public record RoleRow(String role, List<String> accounts, List<String> readsAnyAgent, List<String> readsOwnTeams,
            List<String> readsOtherwise, List<String> writes, int endpoints) {
    }

    /** One endpoint of one service, said in words. */
    public record EndpointRow(String service, String method, String path, String security, List<String> roles,
            List<String> reads, List<String> writes, List<String> allAgents, List<String> teamRoles) {

        /** Who may call it: the roles, or what the service's security says when it names none. */
        public String who() {
            return switch (security == null ? "" : security) {
                case "ROLES" -> String.join(", ", roles);
                case "AUTHENTICATED" -> "anyone signed in";
                case "PERMIT_ALL" -> "anyone, without signing in";
                case "DENY_ALL" -> "nobody";
                default -> "not declared (" + security + ")";
            };
        }
    }

    /** Whether a service's part of the matrix is current: OK, STALE (its last answer) or UNAVAILABLE. */
    public record SourceRow(String service, String status, String fetchedAt, String problem) {
    }

    public static List<EndpointRow> endpoints(Object matrix) {
        List<EndpointRow> rows = new ArrayList<>();
        for (Map.Entry<?, ?> service : new TreeMap<>(map(map(matrix).get("services"))).entrySet()) {
            for (Object o : list(service.getValue())) {
                Map<?, ?> e = map(o);
                rows.add(new EndpointRow(String.valueOf(service.getKey()), text(e.get("method")), text(e.get("path")),
                        text(e.get("security")), strings(e.get("roles")), strings(e.get("reads")),
                        strings(e.get("writes")), strings(e.get("allAgents")), strings(e.get("teamRoles"))));
            }
        }
        return rows;
    }

    public static List<SourceRow> sources(Object matrix) {
        List<SourceRow> rows = new ArrayList<>();
        for (Map.Entry<?, ?> s : new TreeMap<>(map(map(matrix).get("sources"))).entrySet()) {
            Map<?, ?> v = map(s.getValue());
            rows.add(new SourceRow(String.valueOf(s.getKey()), text(v.get("status")),
                    v.get("fetchedAt") == null ? null : text(v.get("fetchedAt")),
                    v.get("problem") == null ? null : text(v.get("problem"))));
        }
        return rows;
    }

    /**
     * Every role that an endpoint names, or an account holds, with its reach. {@code review} is governance's access
     * review (null when it could not be read: the accounts are then left empty and the page says why).
     */
    public static List<RoleRow> byRole(Object matrix, Object review) {
        Map<String, Reach> reach = new TreeMap<>();
        for (EndpointRow e : endpoints(matrix)) {
            for (String role : e.roles()) {
                Reach r = reach.computeIfAbsent(role, k -> new Reach());
                r.endpoints++;
                r.writes.addAll(e.writes());
                Set<String> into = e.allAgents().contains(role) ? r.anyAgent
                        : e.teamRoles().contains(role) ? r.ownTeams : r.otherwise;
                into.addAll(e.reads());
            }
        }
        for (Object o : list(map(review).get("accounts"))) {
            Map<?, ?> account = map(o);
            for (String role : strings(account.get("roles"))) {
                reach.computeIfAbsent(role, k -> new Reach()).accounts.add(text(account.get("username")));
            }
        }
        List<RoleRow> rows = new ArrayList<>();
        reach.forEach((role, r) -> {
            // A class read about any agent is not listed again under a narrower reach of the same role.
            r.ownTeams.removeAll(r.anyAgent);
            r.otherwise.removeAll(r.anyAgent);
            r.otherwise.removeAll(r.ownTeams);
            rows.add(new RoleRow(role, List.copyOf(r.accounts), List.copyOf(r.anyAgent), List.copyOf(r.ownTeams),
                    List.copyOf(r.otherwise), List.copyOf(r.writes), r.endpoints));
        });
        return rows;
    }

    private static final class Reach {
        final Set<String> accounts = new TreeSet<>();
        final Set<String> anyAgent = new TreeSet<>();
        final Set<String> ownTeams = new TreeSet<>();
        final Set<String> otherwise = new TreeSet<>();
        final Set<String> writes = new TreeSet<>();
        int endpoints;
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object v : list(o)) {
            if (v != null) {
                out.add(v.toString());
            }
        }
        return out;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
