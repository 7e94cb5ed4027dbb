package io.wem.coaching.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * wellbeing-service and signal-service as real HTTP stubs (WireMock) for the module's tests. By default the
 * guardrail answers ALLOW; tests add per-agent stubs (higher priority) for the other outcomes.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {
    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/v1/guardrails/evaluations")).atPriority(10)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"decisionId\":\"dec-default\",\"agentId\":\"x\",\"actionKind\":\"COACHING_SESSION\","
                                + "\"decision\":\"ALLOW\",\"earliestAt\":null,\"reasons\":[],\"intensityIndex\":0.2,"
                                + "\"decidedAt\":\"2026-11-25T10:00:00Z\","
                                // a field a later wellbeing-service adds: coaching must read the answer all the same
                                + "\"addedInALaterVersion\":{\"x\":[1,2]}}")));
        String url = "http://127.0.0.1:" + server.port();
        return Map.of("quarkus.rest-client.wellbeing.url", url, "quarkus.rest-client.signal.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
