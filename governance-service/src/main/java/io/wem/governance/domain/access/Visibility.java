package io.wem.governance.domain.access;

import io.wem.common.access.Endpoint;
import io.wem.common.security.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who can read a data class of one agent, derived from the access matrix: per role, with which scope and through
 * which endpoints. The scope follows the rule {@code AgentScope} and {@code @PersonalData} state: the agent reads their
 * own data, supervisors and coaches (and an endpoint's {@code teamRoles}) the data of agents in their teams, an
 * endpoint's {@code allAgents} roles and service accounts any agent's; other roles allowed on the endpoint read no
 * agent's data there.
 */
public final class Visibility {

    public static final String SELF = "SELF";
    public static final String TEAM = "TEAM";
    public static final String ALL = "ALL";

    /** A role that reads the class with this scope; {@code via} = "service METHOD path" of each endpoint. */
    public record Reader(String role, String scope, List<String> via) {
    }

    /** A named person who can read the class of this agent's data today, as which role, with which scope, where. */
    // named apart from the directory's Person, which generators otherwise call Person1
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PersonWithAccess")
    public record Person(String username, String role, String scope, List<String> via) {
    }

    private Visibility() {
    }

    /**
     * The people behind {@code readers}, by the same rule the endpoints apply: SELF is the agent, TEAM everyone holding
     * the role who is placed in the agent's team in the directory (any assignment there, as {@code Caller.memberOf}),
     * ALL everyone holding the role.
     *
     * @param holders   realm role → usernames holding it (effective roles)
     * @param teamsOf   username → the teams the directory places them in now
     * @param agentTeam the agent's team in the directory now, or null (then no TEAM reader can see the agent)
     */
    public static List<Person> named(List<Reader> readers, String agentUsername, String agentTeam,
                                     Map<String, List<String>> holders, Function<String, Set<String>> teamsOf) {
        Map<String, Person> out = new TreeMap<>();
        for (Reader r : readers) {
            List<String> who = switch (r.scope()) {
                case SELF -> agentUsername == null ? List.of() : List.of(agentUsername);
                case TEAM -> agentTeam == null ? List.of() : holders.getOrDefault(r.role(), List.of()).stream()
                        .filter(u -> teamsOf.apply(u).contains(agentTeam)).toList();
                default -> holders.getOrDefault(r.role(), List.of());
            };
            for (String u : who) {
                out.merge(u + "\t" + r.role(), new Person(u, r.role(), r.scope(), r.via()), Visibility::wider);
            }
        }
        return List.copyOf(out.values());
    }

    /** The same person and role reached with two scopes: keep the wider, with every endpoint. */
    private static Person wider(Person a, Person b) {
        List<String> order = List.of(SELF, TEAM, ALL);
        Set<String> via = new TreeSet<>(a.via());
        via.addAll(b.via());
        String scope = order.indexOf(a.scope()) >= order.indexOf(b.scope()) ? a.scope() : b.scope();
        return new Person(a.username(), a.role(), scope, List.copyOf(via));
    }

    /** People's roles (service-account roles left out) that can read {@code dataClass}, by role then scope. */
    public static List<Reader> people(AccessMatrix matrix, String dataClass) {
        return readers(matrix, dataClass, false);
    }

    /** Service-account and integration roles that can read {@code dataClass}. */
    public static List<Reader> services(AccessMatrix matrix, String dataClass) {
        return readers(matrix, dataClass, true);
    }

    /** The scope {@code role} has on {@code e}, or null when it reads no agent's data there. */
    public static String scope(Endpoint e, String role) {
        if (Endpoint.AUTHENTICATED.equals(e.security()) || Endpoint.PERMIT_ALL.equals(e.security())
                || Endpoint.UNSECURED.equals(e.security())) {
            return ALL; // no role check at all: fail open in the report, so the page never under-states
        }
        if (!Endpoint.ROLES.equals(e.security()) || !e.roles().contains(role)) {
            return null;
        }
        if (AccessMatrix.machineRole(role) || e.allAgents().contains(role)) {
            return ALL;
        }
        if (Roles.AGENT.equals(role)) {
            return SELF;
        }
        if (Roles.SUPERVISOR.equals(role) || Roles.COACH.equals(role) || e.teamRoles().contains(role)) {
            return TEAM;
        }
        return null;
    }

    private static List<Reader> readers(AccessMatrix matrix, String dataClass, boolean machines) {
        Map<String, Set<String>> via = new TreeMap<>();
        matrix.services().forEach((service, endpoints) -> endpoints.stream()
                .filter(e -> e.reads().contains(dataClass))
                .forEach(e -> rolesOf(e).forEach(role -> {
                    String scope = scope(e, role);
                    if (scope != null && AccessMatrix.machineRole(role) == machines) {
                        via.computeIfAbsent(role + "\t" + scope, k -> new TreeSet<>())
                                .add(service + " " + e.key());
                    }
                })));
        List<Reader> out = new ArrayList<>();
        via.forEach((k, v) -> {
            String[] rs = k.split("\t");
            out.add(new Reader(rs[0], rs[1], List.copyOf(v)));
        });
        return out;
    }

    /** An endpoint without a role check is readable by any token: reported under the role "any authenticated". */
    private static List<String> rolesOf(Endpoint e) {
        return Endpoint.ROLES.equals(e.security()) ? e.roles() : List.of("any-authenticated-caller");
    }
}
