package io.wem.testing;

import io.wem.common.events.EventEnvelope;
import io.wem.common.signing.EnvelopeSigner;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Signs test messages the way a service's outbox does (with the local development key of the envelope's source,
 * {@code wem.signing.local.<service>.private-key}), or the way an attacker would (a key of its own).
 */
public final class TestSigning {

    private TestSigning() {
    }

    /** The envelope as JSON, signed with the local key of the service named in its source. */
    public static String signed(EventEnvelope e) {
        String key = ConfigProvider.getConfig().getValue("wem.signing.local." + e.source() + ".private-key",
                String.class);
        return EnvelopeSigner.of(e.source(), key, Map.of()).toJson(e);
    }

    /** The envelope as JSON, signed in the name of its source with a key that is not the source's. */
    public static String forged(EventEnvelope e) {
        try {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String key = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            return EnvelopeSigner.of(e.source(), key, Map.of()).toJson(e);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
