package io.wem.common.signing;

import io.wem.common.events.EventEnvelope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service's {@link EnvelopeSigner}: its own private key {@code wem.signing.private-key} and the public keys
 * {@code wem.signing.public-keys.<service>} of the suite's services (the chart fills both from Secrets; the
 * defaults in wem-common are local development keys).
 */
@ApplicationScoped
public class MessageSigning {

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "wem.signing.private-key")
    Optional<String> privateKey;

    private EnvelopeSigner signer;

    @PostConstruct
    void init() {
        Map<String, String> publicKeys = new HashMap<>();
        for (String s : TrustPolicy.SERVICES) {
            ConfigProvider.getConfig().getOptionalValue("wem.signing.public-keys." + s, String.class)
                    .filter(k -> !k.isBlank()).ifPresent(k -> publicKeys.put(s, k));
        }
        signer = EnvelopeSigner.of(service, privateKey.filter(k -> !k.isBlank()).orElse(null), publicKeys);
    }

    /** The envelope as JSON, signed by this service when its type requires it. */
    public String toJson(EventEnvelope envelope) {
        return signer.toJson(envelope);
    }

    /** See {@link EnvelopeSigner#verify}. */
    public EventEnvelope verify(String message, String expectedType) {
        return signer.verify(message, expectedType);
    }
}
