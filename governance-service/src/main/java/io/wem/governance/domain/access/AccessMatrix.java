package io.wem.governance.domain.access;

import io.wem.common.access.Endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's role → permission matrix, assembled from what each service publishes about its own code
 * ({@code GET /api/v1/internal/access-matrix}): per service, each endpoint, the roles allowed to call it and the data
 * classes of personal data it reads and writes. {@code sources} says, per service, whether its part is current,
 * an older copy (the service did not answer this time) or missing: a service is never silently left out.
 */
public record AccessMatrix(String description, Instant assembledAt, Map<String, List<Endpoint>> services,
                           Map<String, Source> sources) {

    public static final String OK = "OK";
    public static final String STALE = "STALE";
    public static final String UNAVAILABLE = "UNAVAILABLE";

    /**
     * @param status    OK (answered now or within the cache time), STALE (did not answer; last answer shown),
     *                  UNAVAILABLE (never answered: its endpoints are unknown)
     * @param fetchedAt when the part shown was read from the service; null when UNAVAILABLE
     * @param problem   why the last attempt failed, or null
     */
    public record Source(String status, Instant fetchedAt, String problem) {
    }

    /** Roles of the suite that belong to service accounts or integrations, not to people. */
    public static boolean machineRole(String role) {
        return role.startsWith("svc-") || role.equals("service") || role.equals("integration");
    }

    /** Services whose part is not current (STALE or UNAVAILABLE), sorted. */
    public List<String> incomplete() {
        return sources.entrySet().stream().filter(e -> !OK.equals(e.getValue().status())).map(Map.Entry::getKey)
                .sorted().toList();
    }

    public static AccessMatrix of(Instant at, Map<String, List<Endpoint>> services, Map<String, Source> sources) {
        return new AccessMatrix("Role -> permission matrix of the WEM suite, generated from each service's code: "
                + "@RolesAllowed (or @PermitAll/@Authenticated) and @PersonalData/@NoPersonalData of every resource "
                + "method, published by the service itself. Scoping inside an endpoint (own data for agents, own teams "
                + "for supervisors and coaches, any agent for the roles in allAgents) is enforced by each service.",
                at, new TreeMap<>(services), new TreeMap<>(sources));
    }
}
