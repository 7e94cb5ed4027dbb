package io.wem.signal.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * governance-service's redaction endpoint as a real HTTP stub: it redacts the test card number 4111 1111 1111 1111
 * in {@link #CARD_TEXT}, returns {@link #CLEAN_TEXT} unchanged, and answers 503 for any text containing
 * "GOVERNANCE-DOWN" (the fail-closed path, without stopping a server other tests use). Other texts get WireMock's
 * 404, which the service also treats as "cannot redact". Tests send one text per request; signal-service sends it
 * as a conversation of one turn (the texts have no speaker labels), so the answers are conversations.
 */
public class GovernanceStub implements QuarkusTestResourceLifecycleManager {
    public static final String CARD = "4111 1111 1111 1111";
    public static final String DOWN_MARKER = "GOVERNANCE-DOWN";
    /** The one text with a card number tests send, and governance's redacted answer for it. */
    public static final String CARD_TEXT = "Customer read card no " + CARD + " aloud";
    public static final String REDACTED_CARD_TEXT = "Customer read card no [PAN REDACTED] aloud";
    public static final String CLEAN_TEXT = "Customer asked about the refund timeline";
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/api/v1/redactions")).atPriority(5)
                .withRequestBody(containing(CARD))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"results\":[],\"conversations\":[{\"turns\":[{\"text\":\"" + REDACTED_CARD_TEXT
                                + "\",\"findings\":[{\"type\":\"PAN\",\"start\":21,\"end\":40,\"confidence\":0.99}]}]}]}")));
        server.stubFor(post(urlEqualTo("/api/v1/redactions")).atPriority(5)
                .withRequestBody(containing(CLEAN_TEXT))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"results\":[],\"conversations\":[{\"turns\":[{\"text\":\"" + CLEAN_TEXT
                                + "\",\"findings\":[]}]}]}")));
        server.stubFor(post(urlEqualTo("/api/v1/redactions")).atPriority(1)
                .withRequestBody(containing(DOWN_MARKER))
                .willReturn(aResponse().withStatus(503)));
        return Map.of("quarkus.rest-client.governance.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
