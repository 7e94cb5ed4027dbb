package io.wem.common.security;

import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which callers the client check applies to: a service role alone, never a person's other admitted role. */
class AllowedClientsFilterTest {

    static class Endpoints {
        @RolesAllowed({"svc-guardrail", "supervisor"})
        @AllowedClients(value = "coaching-service", roles = "svc-guardrail")
        public void mixed() {
        }

        @RolesAllowed("svc-subject-requests")
        @AllowedClients("governance-service")
        public void internal() {
        }
    }

    static boolean applies(String method, String... roles) throws NoSuchMethodException {
        Method m = Endpoints.class.getMethod(method);
        return AllowedClientsFilter.appliesTo(m.getAnnotation(AllowedClients.class), Set.of(roles));
    }

    @Test
    void aCallerHoldingTheServiceRoleIsChecked() throws Exception {
        assertTrue(applies("mixed", "svc-guardrail"));
        assertTrue(applies("mixed", "svc-guardrail", "service"));
        assertFalse(applies("mixed", "supervisor"), "supervisors are scoped by team, not by client");
        assertTrue(applies("mixed", "supervisor", "svc-guardrail"), "a person holding the service role is checked");
    }

    @Test
    void internalEndpointsCheckEveryone() throws Exception {
        assertTrue(applies("internal", "svc-subject-requests"));
        assertTrue(applies("internal", "ciso", "svc-subject-requests"));
        assertTrue(applies("internal"));
    }
}
