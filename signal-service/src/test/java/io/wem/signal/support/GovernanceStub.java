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
    /** A card (4532 0151 1283 0366) cut by a batch boundary: the first batch's text and the next batch's text. */
    public static final String CUT_FIRST = "the card is 4532 0151";
    public static final String REDACTED_CUT_FIRST = "the card is [PAN]";
    public static final String CUT_REST = "1283 0366";
    private WireMockServer server;

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder conversation(String... turns) {
        StringBuilder body = new StringBuilder("{\"results\":[],\"conversations\":[{\"turns\":[");
        for (int k = 0; k < turns.length; k++) {
            body.append(k == 0 ? "" : ",").append("{\"text\":\"").append(turns[k]).append("\",\"findings\":[]}");
        }
        return aResponse().withHeader("Content-Type", "application/json").withBody(body.append("]}]}").toString());
    }


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
        // a card cut by a batch boundary: governance finds the rest (rule (b)) only when the stored, redacted first
        // part comes along as context; alone, "1283 0366" is an ordinary 8-digit number and comes back unchanged
        server.stubFor(post(urlEqualTo("/api/v1/redactions")).atPriority(5)
                .withRequestBody(containing(CUT_FIRST))
                .willReturn(conversation(REDACTED_CUT_FIRST)));
        server.stubFor(post(urlEqualTo("/api/v1/redactions")).atPriority(5)
                .withRequestBody(containing(CUT_REST))
                .willReturn(conversation(CUT_REST)));
        server.stubFor(post(urlEqualTo("/api/v1/redactions")).atPriority(3)
                .withRequestBody(containing(REDACTED_CUT_FIRST)).withRequestBody(containing(CUT_REST))
                .willReturn(conversation(REDACTED_CUT_FIRST, "[PAN]")));
        server.stubFor(post(urlEqualTo("/api/v1/redactions")).atPriority(1)
                .withRequestBody(containing(DOWN_MARKER))
                .willReturn(aResponse().withStatus(503)));
        return Map.of("quarkus.rest-client.redaction.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
