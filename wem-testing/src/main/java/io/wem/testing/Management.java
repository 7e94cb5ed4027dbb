package io.wem.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the service under test (health, metrics, OpenAPI, Swagger UI). It listens on its own
 * port, never on the public one: in a {@code @QuarkusTest} a random port ({@code quarkus.management.test-port=0}),
 * which Quarkus publishes as the config value {@code test.management.url} ({@code http://host:port/q}) once it is bound.
 */
public final class Management {

    private Management() {
    }

    /** The management root, e.g. {@code http://0.0.0.0:41234/q}. */
    public static String url() {
        return ConfigProvider.getConfig().getValue("test.management.url", String.class);
    }

    /** A request to the management interface: paths are relative to {@code /q} ({@code "/health/ready"}, {@code "/openapi"}). */
    public static RequestSpecification given() {
        java.net.URI root = java.net.URI.create(url());
        return RestAssured.given().baseUri(root.getScheme() + "://" + root.getHost()).port(root.getPort())
                .basePath(root.getPath());
    }
}
