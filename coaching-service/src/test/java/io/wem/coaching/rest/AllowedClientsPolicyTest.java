package io.wem.coaching.rest;

import io.wem.testing.AllowedClientsPolicy;
import org.junit.jupiter.api.Test;

/** The trust policy names exactly the services that may call coaching-service, so their audited calls are kept. */
class AllowedClientsPolicyTest {

    @Test
    void trustPolicyNamesExactlyTheServicesAllowedToCallThisService() {
        AllowedClientsPolicy.assertMirrored("coaching-service");
    }
}
