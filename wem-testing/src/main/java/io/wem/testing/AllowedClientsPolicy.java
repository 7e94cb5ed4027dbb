package io.wem.testing;

import io.wem.common.security.AllowedClients;
import io.wem.common.signing.TrustPolicy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Keeps {@link TrustPolicy#callersOf} in step with the {@link AllowedClients} a service actually serves: a caller
 * missing from the policy would have its audited calls refused by governance (a hole in the audit trail), and a
 * caller listed but never allowed would let the service attest actions in the name of a service that cannot call it.
 */
public final class AllowedClientsPolicy {

    private AllowedClientsPolicy() {
    }

    /** The other suite services named by the {@link AllowedClients} of every resource this service serves. */
    public static Set<String> servedCallers(String service) {
        Set<String> callers = new TreeSet<>();
        for (Class<?> resource : ResourceClasses.under("io.wem")) {
            add(callers, resource.getAnnotation(AllowedClients.class));
            for (Method m : resource.getDeclaredMethods()) {
                add(callers, m.getAnnotation(AllowedClients.class));
            }
        }
        callers.remove(service);
        callers.retainAll(TrustPolicy.SERVICES);
        return callers;
    }

    public static void assertMirrored(String service) {
        Set<String> served = servedCallers(service);
        assertFalse(served.isEmpty(), "no @AllowedClients found on " + service + "'s resources: is the scan broken?");
        assertEquals(served, new TreeSet<>(TrustPolicy.callersOf(service)),
                "TrustPolicy.callersOf(" + service + ") must list exactly the services its endpoints allow");
    }

    private static void add(Set<String> callers, AllowedClients allowed) {
        if (allowed != null) {
            callers.addAll(Arrays.asList(allowed.value()));
        }
    }
}
