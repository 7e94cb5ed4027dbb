package io.wem.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AccessMatrixViewTest {

    /** governance's documented example of GET /api/v1/access/matrix, with a review naming two accounts. */
    @Test
    void turnsTheDocumentedExampleAroundPerRole() {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("method", "GET");
        endpoint.put("path", "/api/v1/audit/events");
        endpoint.put("security", "ROLES");
        endpoint.put("roles", List.of("ciso"));
        endpoint.put("reads", List.of("audit-event"));
        endpoint.put("writes", List.of());
        endpoint.put("allAgents", List.of("ciso"));
        endpoint.put("teamRoles", List.of());
        Map<String, Object> open = new HashMap<>(endpoint);
        open.put("path", "/api/v1/identity");
        open.put("security", "AUTHENTICATED");
        open.put("roles", List.of());
        Map<String, Object> unavailable = new HashMap<>();
        unavailable.put("status", "UNAVAILABLE");
        unavailable.put("fetchedAt", null);
        unavailable.put("problem", "ProcessingException: Connection refused");
        Object matrix = Map.of("services", Map.of("governance-service", List.of(endpoint, open)),
                "sources", Map.of("wellbeing-service", unavailable));
        Object review = Map.of("accounts", List.of(Map.of("username", "ciso1", "roles", List.of("ciso")),
                Map.of("username", "sod1", "roles", List.of("ciso", "platform-admin"))));

        List<AccessMatrixView.RoleRow> roles = AccessMatrixView.byRole(matrix, review);
        assertEquals(List.of(new AccessMatrixView.RoleRow("ciso", List.of("ciso1", "sod1"), List.of("audit-event"),
                List.of(), List.of(), List.of(), 1), new AccessMatrixView.RoleRow("platform-admin", List.of("sod1"),
                List.of(), List.of(), List.of(), List.of(), 0)), roles);
        List<AccessMatrixView.EndpointRow> endpoints = AccessMatrixView.endpoints(matrix);
        assertEquals("ciso", endpoints.get(0).who());
        assertEquals("anyone signed in", endpoints.get(1).who());
        assertEquals(List.of(new AccessMatrixView.SourceRow("wellbeing-service", "UNAVAILABLE", null,
                "ProcessingException: Connection refused")), AccessMatrixView.sources(matrix));
        // No review (governance refused it): the roles are still there, without accounts.
        assertEquals(List.of(), AccessMatrixView.byRole(matrix, null).get(0).accounts());
    }

    @Test
    void aBodyOfTheWrongShapeGivesNoRowsRatherThanAnError() {
        assertEquals(List.of(), AccessMatrixView.byRole("not a matrix", List.of(1, 2)));
        assertEquals(List.of(), AccessMatrixView.endpoints(Map.of("services", List.of("x"))));
        assertEquals(List.of(), AccessMatrixView.sources(null));
    }

    /**
     * For any matrix: a role lists a data class under exactly one reach, the widest any endpoint naming the role gives
     * it (any agent over own teams over the rest), and only classes such an endpoint reads; its accounts are exactly
     * the accounts holding it; its endpoint count is the number of endpoints naming it. The oracle below is written
     * from the matrix's description, not from the view.
     */
    @Property(tries = 300)
    void everyRoleShowsTheWidestReachItIsGivenAndNothingElse(@ForAll long seed) {
        Random random = new Random(seed);
        String[] roles = {"r-alpha", "r-beta", "r-gamma", "r-delta", "r-eps"};
        String[] classes = {"c-one", "c-two", "c-three", "c-four"};
        Map<String, List<Object>> services = new HashMap<>();
        List<Map<String, Object>> all = new ArrayList<>();
        for (int s = 0; s < 1 + random.nextInt(3); s++) {
            List<Object> endpoints = new ArrayList<>();
            for (int e = 0; e < random.nextInt(6); e++) {
                Map<String, Object> ep = new HashMap<>();
                ep.put("method", random.nextBoolean() ? "GET" : "POST");
                ep.put("path", "/p/" + s + "/" + e);
                List<String> named = pick(random, roles);
                ep.put("security", named.isEmpty() ? "AUTHENTICATED" : "ROLES");
                ep.put("roles", named);
                ep.put("reads", pick(random, classes));
                ep.put("writes", pick(random, classes));
                ep.put("allAgents", pick(random, roles));
                ep.put("teamRoles", pick(random, roles));
                ep.put("declared", random.nextBoolean()); // nuisance: fields the view does not read
                endpoints.add(ep);
                all.add(ep);
            }
            if (random.nextInt(4) == 0) {
                endpoints.add("nuisance: not an endpoint");
            }
            services.put("svc-" + s, endpoints);
        }
        List<Object> accounts = new ArrayList<>();
        Map<String, Set<String>> holders = new HashMap<>();
        for (int a = 0; a < random.nextInt(5); a++) {
            List<String> held = pick(random, roles);
            accounts.add(Map.of("username", "user" + a, "roles", held, "groups", List.of()));
            for (String r : held) {
                holders.computeIfAbsent(r, k -> new HashSet<>()).add("user" + a);
            }
        }
        List<AccessMatrixView.RoleRow> rows = AccessMatrixView.byRole(Map.of("services", services),
                Map.of("accounts", accounts));

        Set<String> expectedRoles = new HashSet<>(holders.keySet());
        for (Map<String, Object> ep : all) {
            expectedRoles.addAll(strings(ep.get("roles")));
        }
        assertEquals(expectedRoles.size(), rows.size());
        for (AccessMatrixView.RoleRow row : rows) {
            String role = row.role();
            assertEquals(holders.getOrDefault(role, Set.of()), new HashSet<>(row.accounts()), role);
            int naming = 0;
            for (Map<String, Object> ep : all) {
                naming += strings(ep.get("roles")).contains(role) ? 1 : 0;
            }
            assertEquals(naming, row.endpoints(), role);
            for (String c : classes) {
                int widest = -1; // 2 any agent, 1 own teams, 0 otherwise
                for (Map<String, Object> ep : all) {
                    if (strings(ep.get("roles")).contains(role) && strings(ep.get("reads")).contains(c)) {
                        int reach = strings(ep.get("allAgents")).contains(role) ? 2
                                : strings(ep.get("teamRoles")).contains(role) ? 1 : 0;
                        widest = Math.max(widest, reach);
                    }
                }
                List<Boolean> shown = List.of(row.readsOtherwise().contains(c), row.readsOwnTeams().contains(c),
                        row.readsAnyAgent().contains(c));
                for (int reach = 0; reach < 3; reach++) {
                    assertEquals(reach == widest, shown.get(reach), role + " " + c + " reach " + reach + " " + row);
                }
            }
            assertTrue(row.accounts().equals(row.accounts().stream().sorted().toList()), "accounts sorted");
        }
    }

    private static List<String> pick(Random random, String[] from) {
        List<String> out = new ArrayList<>();
        for (String s : from) {
            if (random.nextInt(3) == 0) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object v : (List<?>) o) {
            out.add((String) v);
        }
        return out;
    }
}
