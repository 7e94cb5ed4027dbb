package io.wem.testing;

import io.quarkus.security.Authenticated;
import io.wem.common.access.Endpoint;
import io.wem.common.access.EndpointInventory;
import io.wem.common.access.NoPersonalData;
import io.wem.common.access.PersonalData;
import io.wem.common.contracts.DataClasses;
import io.wem.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declaration rule catches what it is there to catch (each planted mistake is one finding). */
class AccessDeclarationsFindingsTest {

    @Path("/api/v1/things/")
    @RolesAllowed(Roles.SUPERVISOR)
    static class Planted {
        @GET
        @Path("{id: [a-z]+}/notes")
        public String forgotten() {
            return "";
        }

        @GET
        @PermitAll
        @NoPersonalData
        public String open() {
            return "";
        }

        @POST
        @RolesAllowed({Roles.AGENT, Roles.COACH})
        @PersonalData(reads = "made-up-class", allAgents = Roles.CISO)
        public String wrong() {
            return "";
        }

        @DELETE
        @Authenticated
        @PersonalData(writes = PersonalData.HELD_BY_SERVICE)
        public String erase() {
            return "";
        }

        public String notAnEndpoint() {
            return "";
        }
    }

    /** A CDI subclass carries no annotations of its own: the inventory walks up to the resource. */
    static class Proxy extends Planted {
    }

    @Test
    void plantedMistakesAreFound() {
        List<Endpoint> endpoints = EndpointInventory.of(List.of(Proxy.class), List.of(DataClasses.TRANSCRIPT));
        Map<String, Endpoint> byKey = endpoints.stream().collect(Collectors.toMap(Endpoint::key, Function.identity()));
        assertEquals(4, endpoints.size(), endpoints.toString());
        Endpoint notes = byKey.get("GET /api/v1/things/{id}/notes");
        assertEquals(List.of(Roles.SUPERVISOR), notes.roles(), "class roles apply");
        assertEquals(Endpoint.PERMIT_ALL, byKey.get("GET /api/v1/things").security(), "method annotation wins");
        assertEquals(List.of(Roles.AGENT, Roles.COACH), byKey.get("POST /api/v1/things").roles());
        assertEquals(Endpoint.AUTHENTICATED, byKey.get("DELETE /api/v1/things").security());
        assertEquals(List.of(DataClasses.TRANSCRIPT), byKey.get("DELETE /api/v1/things").writes());

        List<String> findings = AccessDeclarations.findings(endpoints);
        assertEquals(4, findings.size(), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("no @PersonalData") && f.contains("Planted#forgotten")));
        assertTrue(findings.stream().anyMatch(f -> f.equals("no role required: GET /api/v1/things")));
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("unknown data class made-up-class")));
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("allAgents/teamRoles role ciso may not call")));
    }

    @Test
    void aFullyDeclaredResourceHasNoFinding() {
        List<Endpoint> endpoints = EndpointInventory.of(List.of(io.wem.common.retention.SubjectResource.class,
                io.wem.common.identity.IdentityResource.class), List.of(DataClasses.COACHING_RECORD));
        assertEquals(List.of(), AccessDeclarations.findings(endpoints));
        assertEquals(List.of(DataClasses.COACHING_RECORD), endpoints.stream()
                .filter(e -> e.key().equals("GET /api/v1/internal/subjects/{agentId}")).findFirst().orElseThrow().reads());
    }
}
