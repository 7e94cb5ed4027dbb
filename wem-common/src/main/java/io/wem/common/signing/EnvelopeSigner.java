package io.wem.common.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.common.events.MalformedEventException;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.function.Function;

/**
 * Signs and verifies event envelopes. The signature is the CloudEvents extension attribute {@value #ATTRIBUTE}
 * (Ed25519 over {@link CanonicalJson} of the rest of the envelope), and the signer is the envelope's {@code source}.
 * Plain Java: {@link MessageSigning} gives it the keys from configuration.
 */
public final class EnvelopeSigner {
    public static final String ATTRIBUTE = "wemsignature";

    private final String self;
    private final PrivateKey privateKey;
    private final Function<String, PublicKey> publicKeys;

    /**
     * @param self       this service's name (the source it signs as)
     * @param privateKey this service's key, or null when it may not sign
     * @param publicKeys the public key of a service, or null when none is configured
     */
    public EnvelopeSigner(String self, PrivateKey privateKey, Function<String, PublicKey> publicKeys) {
        this.self = self;
        this.privateKey = privateKey;
        this.publicKeys = publicKeys;
    }

    public static EnvelopeSigner of(String self, String privateKeyBase64, Map<String, String> publicKeysBase64) {
        Map<String, PublicKey> keys = new java.util.HashMap<>();
        publicKeysBase64.forEach((service, key) -> keys.put(service, Ed25519.publicKey(key)));
        return new EnvelopeSigner(self, privateKeyBase64 == null ? null : Ed25519.privateKey(privateKeyBase64),
                keys::get);
    }

    /** The envelope as JSON, signed when its type is one {@link TrustPolicy} lists. */
    public String toJson(EventEnvelope envelope) {
        if (!TrustPolicy.signed(envelope.type())) {
            return Events.toJson(envelope);
        }
        if (privateKey == null) {
            throw new IllegalStateException("no signing key configured (wem.signing.private-key): cannot send "
                    + envelope.type());
        }
        if (!self.equals(envelope.source())) {
            throw new IllegalStateException(self + " cannot sign an envelope whose source is " + envelope.source());
        }
        ObjectNode tree = Events.mapper().valueToTree(envelope);
        tree.put(ATTRIBUTE, Ed25519.sign(privateKey, CanonicalJson.bytes(tree, ATTRIBUTE)));
        return tree.toString();
    }

    /**
     * Parses and verifies a message that must be of {@code expectedType}: type, entitled source, signature by that
     * source and the payload's binding to it. Throws {@link MalformedEventException} for what is not an envelope and
     * {@link RejectedMessageException} for what is not trusted.
     */
    public EventEnvelope verify(String message, String expectedType) {
        EventEnvelope envelope = Events.parse(message);
        JsonNode tree;
        try {
            tree = Events.mapper().readTree(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedEventException("not a JSON event envelope");
        }
        if (!expectedType.equals(envelope.type())) {
            throw new RejectedMessageException("unexpected message type on this topic");
        }
        if (!TrustPolicy.entitled(envelope.type(), envelope.source())) {
            throw new RejectedMessageException("source is not entitled to send this message type");
        }
        String signature = tree.path(ATTRIBUTE).asText(null);
        if (signature == null || signature.isBlank()) {
            throw new RejectedMessageException("message is not signed");
        }
        PublicKey key = publicKeys.apply(envelope.source());
        if (key == null) {
            throw new RejectedMessageException("no public key configured for the source");
        }
        if (!Ed25519.verify(key, CanonicalJson.bytes(tree, ATTRIBUTE), signature)) {
            throw new RejectedMessageException("signature does not verify for the claimed source");
        }
        TrustPolicy.bindingViolation(envelope.type(), envelope.source(), envelope.data()).ifPresent(reason -> {
            throw new RejectedMessageException(reason);
        });
        return envelope;
    }
}
