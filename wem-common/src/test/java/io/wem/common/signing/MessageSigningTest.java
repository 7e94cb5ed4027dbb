package io.wem.common.signing;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service that was given no signing key refuses to start (MessageSigning is built at startup). */
class MessageSigningTest {

    @Test
    void withoutAPrivateKeyTheServiceDoesNotStart() {
        for (Optional<String> missing : java.util.List.of(Optional.<String>empty(), Optional.of(" "))) {
            MessageSigning signing = new MessageSigning();
            signing.service = "signal-service";
            signing.privateKey = missing;
            IllegalStateException refused = assertThrows(IllegalStateException.class, signing::init);
            assertTrue(refused.getMessage().contains("WEM_SIGNING_PRIVATE_KEY"), refused.getMessage());
        }
    }
}
