package io.wem.common.signing;

import io.quarkus.runtime.StartupEvent;
import io.wem.common.events.EventEnvelope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service's {@link EnvelopeSigner}: its own private key {@code wem.signing.private-key} and the public keys
 * {@code wem.signing.public-keys.<service>} of the suite's services (the chart fills both from Secrets and values;
 * the local stack and the tests take the development keys of deploy/local). Built when the service starts, so a
 * service without a signing key refuses to start instead of failing later on its first audit event.
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
        String own = privateKey.filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "no signing key for " + service + ": set WEM_SIGNING_PRIVATE_KEY (the chart sets it from a Secret);"
                        + " on a laptop, start the services with ./wem, which passes deploy/local's development keys"));
        signer = EnvelopeSigner.of(service, own, publicKeys);
    }

    /** Observing the start creates the bean then: a missing key stops the start (see the class comment). */
    void atStartup(@Observes StartupEvent started) {
        // nothing more to do: init() has run
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
