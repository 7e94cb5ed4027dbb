package io.wem.wellbeing.rest;

import io.wem.testing.AllowedClientsPolicy;
import org.junit.jupiter.api.Test;

/** The trust policy names exactly the services that may call wellbeing-service, so their audited calls are kept. */
class AllowedClientsPolicyTest {

    @Test
    void trustPolicyNamesExactlyTheServicesAllowedToCallThisService() {
        AllowedClientsPolicy.assertMirrored("wellbeing-service");
    }
}
