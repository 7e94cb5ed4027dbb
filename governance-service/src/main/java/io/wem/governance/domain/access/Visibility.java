package io.wem.governance.domain.access;

import io.wem.common.access.Endpoint;
import io.wem.common.security.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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

    private Visibility() {
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
