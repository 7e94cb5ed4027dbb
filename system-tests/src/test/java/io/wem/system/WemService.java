package io.wem.system;

import io.restassured.builder.RequestSpecBuilder;
import io.wem.testing.ConformanceFilter;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** The four services and their local ports (see {@code ./wem up}). */
public enum WemService {
    SIGNAL("signal-service", 8081),
    COACHING("coaching-service", 8082),
    GOVERNANCE("governance-service", 8083),
    WELLBEING("wellbeing-service", 8084);

    private final String serviceName;
    private final int defaultPort;
    private final ConformanceFilter conformance =
            ConformanceFilter.servedAt(() -> managementUrl() + "/q/openapi?format=json");

    WemService(String serviceName, int defaultPort) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
    }

    /** e.g. {@code signal-service}: the value of {@code "service"} in {@code GET /api/v1/identity}. */
    public String serviceName() {
        return serviceName;
    }

    /** e.g. {@code signal}. */
    public String shortName() {
        return serviceName.substring(0, serviceName.indexOf('-'));
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String baseUrl() {
        return SystemTestConfig.baseUrl(this);
    }

    public String managementUrl() {
        return SystemTestConfig.managementUrl(this);
    }

    /** A RestAssured request against this service's management interface (/q/health, /q/metrics, /q/openapi). */
    public RequestSpecification management() {
        return given().spec(new RequestSpecBuilder().setBaseUri(managementUrl()).build());
    }

    /**
     * A RestAssured request against this service without credentials. Every answer is held to the served OpenAPI
     * document ({@link ConformanceFilter}): status documented, body conforming.
     */
    public RequestSpecification anonymous() {
        return given().spec(new RequestSpecBuilder().setBaseUri(baseUrl()).addFilter(conformance).build());
    }

    /** A RestAssured request against this service with {@code Authorization: Bearer <token>}. */
    public RequestSpecification as(AccessToken token) {
        return anonymous().auth().oauth2(token.raw());
    }

    @Override
    public String toString() {
        return serviceName;
    }
}
