package io.wem.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * governance-service's internal legal-holds endpoint as a real HTTP stub for the other services' tests: no holds
 * unless a test says otherwise ({@link #answer}), or not answering at all ({@link #down}). Register it once per
 * module with {@code @QuarkusTestResource(LegalHoldsStub.class)}.
 */
public class LegalHoldsStub implements QuarkusTestResourceLifecycleManager {
    static final String PATH = "/api/v1/internal/legal-holds/active";
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        answer("[]");
        return Map.of("wem.legal-holds.url", server.baseUrl());
    }

    /** From now on governance answers with this JSON list of LegalHoldScope. */
    public static void answer(String json) {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(json)));
    }

    /** From now on governance answers 503. */
    public static void down() {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    }

    /** How many times a service asked for the holds. */
    public static int requests() {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo(PATH)).build()).getCount();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
