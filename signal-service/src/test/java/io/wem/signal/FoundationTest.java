package io.wem.signal;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.wem.testing.FoundationContract;
import io.wem.testing.LegalHoldsStub;

/** Health, OpenAPI, metrics and token checks; the OIDC mock declared here serves every test of this module. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
// governance's legal holds, asked before any deletion (module-wide, like the OIDC stub)
@QuarkusTestResource(LegalHoldsStub.class)
class FoundationTest extends FoundationContract {
}
