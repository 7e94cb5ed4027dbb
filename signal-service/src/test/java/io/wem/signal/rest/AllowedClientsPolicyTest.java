package io.wem.signal.rest;

import io.wem.testing.AllowedClientsPolicy;
import org.junit.jupiter.api.Test;

/** The trust policy names exactly the services that may call signal-service, so their audited calls are kept. */
class AllowedClientsPolicyTest {

    @Test
    void trustPolicyNamesExactlyTheServicesAllowedToCallThisService() {
        AllowedClientsPolicy.assertMirrored("signal-service");
    }
}
