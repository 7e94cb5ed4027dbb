package io.wem.coaching;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.wem.testing.FoundationContract;

/** Health, OpenAPI, metrics and token checks; the OIDC mock declared here serves every test of this module. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class FoundationTest extends FoundationContract {
}
