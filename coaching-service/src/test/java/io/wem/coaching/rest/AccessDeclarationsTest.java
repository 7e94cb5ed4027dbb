package io.wem.coaching.rest;

import io.wem.testing.AccessDeclarations;
import org.junit.jupiter.api.Test;

/** Every resource method of coaching-service (and of wem-common) declares its personal-data classes and roles. */
class AccessDeclarationsTest {

    @Test
    void everyEndpointDeclaresItsDataClasses() {
        AccessDeclarations.assertComplete("io.wem.coaching");
    }
}
