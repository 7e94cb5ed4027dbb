package io.wem.governance.rest;

import io.wem.testing.AccessDeclarations;
import org.junit.jupiter.api.Test;

/** Every resource method of governance-service (and of wem-common) declares its personal-data classes and roles. */
class AccessDeclarationsTest {

    @Test
    void everyEndpointDeclaresItsDataClasses() {
        AccessDeclarations.assertComplete("io.wem.governance");
    }
}
