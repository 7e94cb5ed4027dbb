package io.wem.common.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.wem.common.events.EventTypes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which service may send which signed message type, and which payload fields must name the signer. A message type
 * that commands deletion or carries evidence is listed here; the outbox signs it and its consumer verifies it.
 * Plain Java, unit-tested without Quarkus.
 */
public final class TrustPolicy {
    public static final String SIGNAL = "signal-service";
    public static final String COACHING = "coaching-service";
    public static final String GOVERNANCE = "governance-service";
    public static final String WELLBEING = "wellbeing-service";
    public static final List<String> SERVICES = List.of(SIGNAL, COACHING, GOVERNANCE, WELLBEING);

    private static final Map<String, Set<String>> SENDERS = Map.of(
            EventTypes.PURGE_COMMAND, Set.of(GOVERNANCE),
            EventTypes.PURGE_RESULT, Set.copyOf(SERVICES),
            EventTypes.AUDIT, Set.copyOf(SERVICES));

    /**
     * Which services call which over REST with their own service account, keyed by the service called. It mirrors
     * the {@code @AllowedClients} of each service's endpoints (each service's {@code AllowedClientsPolicyTest} keeps
     * the two in step). A service audits the calls it authenticated, so its audit events may name these callers.
     */
    private static final Map<String, Set<String>> CALLERS = Map.of(
            SIGNAL, Set.of(COACHING, GOVERNANCE),
            COACHING, Set.of(GOVERNANCE),
            WELLBEING, Set.of(COACHING, GOVERNANCE),
            GOVERNANCE, Set.of(SIGNAL, COACHING, WELLBEING));

    private TrustPolicy() {
    }

    /** True for the types the outbox signs and consumers verify. */
    public static boolean signed(String type) {
        return SENDERS.containsKey(type);
    }

    /** True when {@code source} may send messages of {@code type}. */
    public static boolean entitled(String type, String source) {
        Set<String> senders = SENDERS.get(type);
        return senders != null && source != null && senders.contains(source);
    }

    /** The services that may call {@code service} with their service account (empty for an unknown service). */
    public static Set<String> callersOf(String service) {
        return CALLERS.getOrDefault(service, Set.of());
    }

    /**
     * Why the payload does not match the signer, or empty when it does: a purge result and an audit event must name
     * the signing service in {@code service}, and an audit event may name another of the suite's services (or its
     * Keycloak service account) as the actor only when that service calls the signer: a service attests the calls it
     * authenticated, and no service can put an action in the name of one that never calls it.
     */
    public static Optional<String> bindingViolation(String type, String signer, JsonNode data) {
        if (EventTypes.PURGE_RESULT.equals(type) || EventTypes.AUDIT.equals(type)) {
            if (!signer.equals(data.path("service").asText(null))) {
                return Optional.of("field service does not name the signing service");
            }
        }
        if (EventTypes.AUDIT.equals(type)) {
            String actor = data.path("actor").asText("");
            String account = actor.startsWith("service-account-") ? actor.substring("service-account-".length()) : actor;
            if (SERVICES.contains(account) && !account.equals(signer) && !callersOf(signer).contains(account)) {
                return Optional.of("field actor names a service that does not call the signer");
            }
        }
        return Optional.empty();
    }
}
