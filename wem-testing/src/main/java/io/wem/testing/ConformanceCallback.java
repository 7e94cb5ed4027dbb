package io.wem.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link ConformanceFilter} on RestAssured for every {@code @QuarkusTest} of a module that has this library on
 * its test class path (registered as a service): each service's own tests then check that every answer they receive
 * is one the served OpenAPI document allows.
 */
public class ConformanceCallback implements QuarkusTestBeforeEachCallback {

    private static final ConformanceFilter FILTER =
            ConformanceFilter.servedAt(() -> Management.url() + "/openapi?format=json");

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
