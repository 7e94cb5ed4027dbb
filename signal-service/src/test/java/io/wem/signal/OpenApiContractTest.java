package io.wem.signal;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.testing.OpenApiContractTests;

/** This service's stored OpenAPI document: swagger-parser, the suite's promises, caps, the committed baseline. */
@QuarkusTest
class OpenApiContractTest extends OpenApiContractTests {
}
