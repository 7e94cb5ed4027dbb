package io.wem.common.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wem.common.contracts.AuditEvent;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.contracts.PurgeCommand;
import io.wem.common.contracts.PurgeResult;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Events;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EnvelopeSignerTest {
    private static final KeyPair GOVERNANCE = pair();
    private static final KeyPair SIGNAL = pair();
    private static final KeyPair ATTACKER = pair();
    private static final Map<String, String> PUBLIC = Map.of("governance-service", pub(GOVERNANCE),
            "signal-service", pub(SIGNAL));

    static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pub(KeyPair p) {
        return Base64.getEncoder().encodeToString(p.getPublic().getEncoded());
    }

    static String priv(KeyPair p) {
        return Base64.getEncoder().encodeToString(p.getPrivate().getEncoded());
    }

    static EnvelopeSigner as(String service, KeyPair key) {
        return EnvelopeSigner.of(service, priv(key), PUBLIC);
    }

    static EventEnvelope command(String source, Instant cutoff) {
        return EventEnvelope.of(EventTypes.PURGE_COMMAND, source, null, new PurgeCommand("c-1", "signal-service",
                "transcript", cutoff, List.of(new LegalHoldScope("h", "CASE", List.of("a-1"), List.of("i-9"), null,
                        null)), Instant.parse("2026-01-01T00:00:00Z")));
    }

    static EventEnvelope audit(String source, String service, String actor) {
        return EventEnvelope.of(EventTypes.AUDIT, source, "a-1", new AuditEvent("x-1", service, actor,
                List.of("supervisor"), "a-1", "READ", "r", "p", "SUCCESS", Instant.now(), null));
    }

    final EnvelopeSigner verifier = EnvelopeSigner.of("signal-service", null, PUBLIC);

    @Test
    void aCommandSignedByGovernanceVerifies() {
        String json = as("governance-service", GOVERNANCE).toJson(command("governance-service",
                Instant.parse("2025-01-01T00:00:00Z")));
        EventEnvelope e = verifier.verify(json, EventTypes.PURGE_COMMAND);
        assertEquals("c-1", e.dataAs(PurgeCommand.class).commandId());
    }

    @Test
    void untrustedCommandsAreRejected() {
        EventEnvelope cmd = command("governance-service", Instant.parse("2999-01-01T00:00:00Z"));
        assertThrows(RejectedMessageException.class, () -> verifier.verify(Events.toJson(cmd),
                EventTypes.PURGE_COMMAND), "unsigned");
        assertThrows(RejectedMessageException.class, () -> verifier.verify(
                as("governance-service", ATTACKER).toJson(cmd), EventTypes.PURGE_COMMAND), "attacker's key");
        assertThrows(RejectedMessageException.class, () -> verifier.verify(
                as("signal-service", SIGNAL).toJson(command("signal-service", Instant.EPOCH)),
                EventTypes.PURGE_COMMAND), "a service other than governance");
        assertThrows(RejectedMessageException.class, () -> verifier.verify(
                as("governance-service", GOVERNANCE).toJson(cmd), EventTypes.AUDIT), "wrong type for the topic");
        assertThrows(RejectedMessageException.class, () -> EnvelopeSigner.of("signal-service", null, Map.of())
                .verify(as("governance-service", GOVERNANCE).toJson(cmd), EventTypes.PURGE_COMMAND), "no public key");
    }

    @Test
    void auditEventsMustNameTheirSigner() {
        EnvelopeSigner signal = as("signal-service", SIGNAL);
        verifier.verify(signal.toJson(audit("signal-service", "signal-service", "sup-1")), EventTypes.AUDIT);
        verifier.verify(signal.toJson(audit("signal-service", "signal-service", "signal-service")), EventTypes.AUDIT);
        assertThrows(RejectedMessageException.class, () -> verifier.verify(
                signal.toJson(audit("signal-service", "governance-service", "sup-1")), EventTypes.AUDIT));
        // wellbeing-service never calls signal-service, so signal-service cannot attest an action in its name
        assertThrows(RejectedMessageException.class, () -> verifier.verify(
                signal.toJson(audit("signal-service", "signal-service", "wellbeing-service")), EventTypes.AUDIT));
        assertThrows(RejectedMessageException.class, () -> verifier.verify(signal.toJson(audit("signal-service",
                "signal-service", "service-account-wellbeing-service")), EventTypes.AUDIT));
    }

    @Test
    void auditEventsMayNameTheServicesThatCallTheSigner() {
        // coaching-service reads measurements in signal-service, and governance-service runs subject requests there
        EnvelopeSigner signal = as("signal-service", SIGNAL);
        verifier.verify(signal.toJson(audit("signal-service", "signal-service", "service-account-coaching-service")),
                EventTypes.AUDIT);
        verifier.verify(signal.toJson(audit("signal-service", "signal-service", "service-account-governance-service")),
                EventTypes.AUDIT);
        for (String called : TrustPolicy.SERVICES) {
            for (String caller : TrustPolicy.SERVICES) {
                boolean calls = called.equals(caller) || TrustPolicy.callersOf(called).contains(caller);
                var audit = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .put("service", called).put("actor", "service-account-" + caller);
                assertEquals(calls, TrustPolicy.bindingViolation(EventTypes.AUDIT, called, audit).isEmpty(),
                        caller + " acting in " + called);
            }
        }
    }

    @Test
    void purgeEvidenceMustComeFromTheServiceItReportsFor() {
        PurgeResult r = new PurgeResult("c-1", "governance-service", "audit-event", Instant.EPOCH, 0, 0, null,
                Instant.now(), null);
        assertThrows(RejectedMessageException.class, () -> verifier.verify(as("signal-service", SIGNAL).toJson(
                EventEnvelope.of(EventTypes.PURGE_RESULT, "signal-service", null, r)), EventTypes.PURGE_RESULT));
    }

    @Test
    void aServiceCannotSignInAnotherServicesName() {
        assertThrows(IllegalStateException.class, () -> as("signal-service", SIGNAL)
                .toJson(command("governance-service", Instant.EPOCH)));
    }

    @Test
    void unsignedTypesPassThroughUnchanged() {
        EventEnvelope e = EventEnvelope.of(EventTypes.GAP_DETECTED, "signal-service", "a", Map.of("k", "v"));
        assertEquals(Events.toJson(e), EnvelopeSigner.of("signal-service", null, PUBLIC).toJson(e));
    }

    /** Any change of any field of a signed command (value or name) makes it untrusted. */
    @Property(tries = 300, seed = "20261204")
    void anyTamperingIsRejected(@ForAll("paths") String path, @ForAll("values") String value) throws Exception {
        String json = as("governance-service", GOVERNANCE).toJson(command("governance-service",
                Instant.parse("2025-06-01T00:00:00Z")));
        ObjectNode tree = (ObjectNode) Events.mapper().readTree(json);
        String[] parts = path.split("/");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        String leaf = parts[parts.length - 1];
        if (value.equals(parent.path(leaf).asText(null))) {
            value = value + "x";
        }
        parent.put(leaf, value);
        String tampered = tree.toString();
        assertThrows(RuntimeException.class, () -> verifier.verify(tampered, EventTypes.PURGE_COMMAND));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("id", "source", "time", "subject", "data/commandId", "data/service", "data/dataClass",
                "data/cutoff", "data/issuedAt", "data/extra", "extension");
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(0).ofMaxLength(30),
                Arbitraries.of("2999-01-01T00:00:00Z", "governance-service", "signal-service", "audit-event", ""));
    }
}
