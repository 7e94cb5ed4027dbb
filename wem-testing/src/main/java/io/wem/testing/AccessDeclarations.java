package io.wem.testing;

import io.wem.common.access.Endpoint;
import io.wem.common.access.EndpointInventory;
import io.wem.common.contracts.DataClasses;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule each service's {@code AccessDeclarationsTest} checks over all its resource classes (its own and
 * wem-common's): every operation declares its personal-data classes and is secured, names only known data classes,
 * and lists in {@code allAgents} only roles that may call it.
 */
public final class AccessDeclarations {

    private AccessDeclarations() {
    }

    public static List<Endpoint> endpoints() {
        return EndpointInventory.of(ResourceClasses.under("io.wem"), DataClasses.ALL);
    }

    public static List<String> findings(List<Endpoint> endpoints) {
        List<String> out = new ArrayList<>(EndpointInventory.undeclared(endpoints).stream()
                .map(e -> "no @PersonalData/@NoPersonalData: " + e).toList());
        for (Endpoint e : endpoints) {
            if (e.security().equals(Endpoint.UNSECURED) || e.security().equals(Endpoint.PERMIT_ALL)) {
                out.add("no role required: " + e.key());
            }
            e.dataClasses().stream().filter(dc -> !DataClasses.ALL.contains(dc))
                    .forEach(dc -> out.add("unknown data class " + dc + ": " + e.key()));
            java.util.stream.Stream.concat(e.allAgents().stream(), e.teamRoles().stream()).filter(r -> !e.roles().contains(r))
                    .forEach(r -> out.add("allAgents/teamRoles role " + r + " may not call " + e.key()));
        }
        return out;
    }

    /** Fails listing every finding; {@code ownPackage} must contribute resources (a scan that finds none proves nothing). */
    public static void assertComplete(String ownPackage) {
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.stream().anyMatch(e -> e.operation().contains("#"))
                        && ResourceClasses.under(ownPackage).size() > 0,
                "no resource classes found under " + ownPackage);
        assertTrue(endpoints.stream().anyMatch(e -> e.path().equals("/api/v1/internal/access-matrix")),
                "wem-common's resources are not on the classpath: " + endpoints);
        assertEquals(List.of(), findings(endpoints));
    }
}
