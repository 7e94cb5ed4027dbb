package io.wem.governance.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SubjectRequestTest {

    @OidcWireMock
    WireMockServer stubs;

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @jakarta.inject.Inject
    io.wem.governance.service.SubjectRequestService requests;

    static String admin() {
        return TestTokens.withRoles("gov-admin", "governance-admin");
    }

    private void stub(String service, String method, String agent, int status, String body) {
        String path = "/auth/" + service + "/api/v1/internal/subjects/" + agent;
        var mapping = method.equals("GET") ? get(urlPathEqualTo(path)) : delete(urlPathEqualTo(path));
        stubs.stubFor(mapping.withHeader("Authorization", matching("Bearer .+"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private String open(String type, String agent) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"type\":\"" + type + "\",\"agentId\":\"" + agent + "\"}").post("/api/v1/subject-requests")
                .then().statusCode(202).extract().path("id");
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(given().auth().oauth2(admin())
                .get("/api/v1/subject-requests/" + id).jsonPath().getString("status")));
    }

    @Test
    void accessRequestAssemblesOneExportFromEveryService() {
        String agent = AuditLogTest.uid("agent");
        AuditLogTest.publishAndAwait(AuditLogTest.event(AuditLogTest.uid("audit"), AuditLogTest.uid("sup"), agent));
        stub("signal", "GET", agent, 200, "{\"service\":\"signal-service\",\"agentId\":\"" + agent + "\",\"data\":"
                + "{\"interaction-signal\":[{\"interactionId\":\"i-1\"}],\"transcript\":[]}}");
        stub("coaching", "GET", agent, 200, "{\"service\":\"coaching-service\",\"agentId\":\"" + agent + "\",\"data\":"
                + "{\"coaching-record\":[{\"interventionId\":\"iv-1\"}]}}");
        stub("wellbeing", "GET", agent, 200, "{\"service\":\"wellbeing-service\",\"agentId\":\"" + agent + "\",\"data\":"
                + "{\"wellbeing-metric\":[],\"guardrail-decision\":[]}}");
        String id = open("ACCESS", agent);
        awaitStatus(id, "COMPLETED");
        given().auth().oauth2(admin()).get("/api/v1/subject-requests/" + id).then().statusCode(200)
                .body("outcomes.'signal-service'.status", equalTo("DONE"))
                .body("outcomes.'governance-service'.status", equalTo("DONE"));
        given().auth().oauth2(admin()).get("/api/v1/subject-requests/" + id + "/export").then().statusCode(200)
                .body("agentId", equalTo(agent))
                .body("services.'signal-service'.'interaction-signal'[0].interactionId", equalTo("i-1"))
                .body("services.'coaching-service'.'coaching-record'[0].interventionId", equalTo("iv-1"))
                .body("services.'governance-service'.'audit-event'.resource", hasItem("signal-service:gaps"));
        given().auth().oauth2(TestTokens.withRoles(AuditLogTest.uid("c"), "ciso")).queryParam("subject", agent)
                .queryParam("action", "READ").queryParam("service", "governance-service").get("/api/v1/audit/events")
                .then().body("items.resource", hasItem(startsWith("governance-service:subject-export/")));
    }

    @Test
    void erasureIsRefusedUnderLegalHoldAndReportsPartialFailures() {
        String held = AuditLogTest.uid("agent");
        String holdId = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"caseReference\":\"CASE-S\",\"reason\":\"tribunal\",\"agentIds\":[\"" + held + "\"]}")
                .post("/api/v1/legal-holds").then().statusCode(201).extract().path("id");
        String refused = open("ERASURE", held);
        given().auth().oauth2(admin()).get("/api/v1/subject-requests/" + refused).then().statusCode(200)
                .body("status", equalTo("REFUSED_LEGAL_HOLD")).body("refusedByHolds", hasItem(holdId));
        FourEyesFlowTest.releaseWithApproval(admin(), holdId);
        given().auth().oauth2(admin()).get("/api/v1/subject-requests/" + refused + "/export").then().statusCode(404);

        String agent = AuditLogTest.uid("agent");
        stub("signal", "DELETE", agent, 200, "{\"service\":\"signal-service\",\"agentId\":\"" + agent
                + "\",\"erased\":{\"interaction-signal\":4,\"transcript\":2}}");
        stub("coaching", "DELETE", agent, 200, "{\"service\":\"coaching-service\",\"agentId\":\"" + agent
                + "\",\"erased\":{\"coaching-record\":1}}");
        stub("wellbeing", "DELETE", agent, 503, "{\"title\":\"down\"}");
        String id = open("ERASURE", agent);
        awaitStatus(id, "PARTIAL");
        given().auth().oauth2(admin()).get("/api/v1/subject-requests/" + id).then()
                .body("outcomes.'signal-service'.erased.transcript", equalTo(2))
                .body("outcomes.'wellbeing-service'.status", equalTo("FAILED"));
        // retried: two attempts in the test profile
        stubs.verify(2, deleteRequestedFor(urlPathEqualTo("/auth/wellbeing/api/v1/internal/subjects/" + agent)));
    }

    /**
     * Before: a finished export stayed in subject_request forever and survived the subject's erasure (the export was
     * still served after the erasure completed).
     */
    @Test
    void anExportExpiresAndIsErasedWithTheSubject() {
        String agent = AuditLogTest.uid("agent");
        for (String service : new String[] {"signal", "coaching", "wellbeing"}) {
            stub(service, "GET", agent, 200, "{\"service\":\"" + service + "-service\",\"agentId\":\"" + agent
                    + "\",\"data\":{}}");
            stub(service, "DELETE", agent, 200, "{\"service\":\"" + service + "-service\",\"agentId\":\"" + agent
                    + "\",\"erased\":{}}");
        }
        String access = open("ACCESS", agent);
        awaitStatus(access, "COMPLETED");
        given().auth().oauth2(admin()).get("/api/v1/subject-requests/" + access + "/export").then().statusCode(200);
        String erasure = open("ERASURE", agent);
        awaitStatus(erasure, "COMPLETED");
        given().auth().oauth2(admin()).get("/api/v1/subject-requests/" + erasure).then()
                .body("outcomes.'governance-service'.erased.'subject-export'", equalTo(1));
        given().auth().oauth2(admin()).get("/api/v1/subject-requests/" + access + "/export").then().statusCode(410)
                .contentType("application/problem+json").body("detail", containsString("ERASED"));
        assertEquals(1, ((Number) em.createNativeQuery("SELECT count(*) FROM subject_request WHERE id = ?1 "
                + "AND export_json IS NULL").setParameter(1, access).getSingleResult()).intValue());

        // expiry: an export past its TTL is refused at once and deleted by the sweep
        String other = AuditLogTest.uid("agent");
        for (String service : new String[] {"signal", "coaching", "wellbeing"}) {
            stub(service, "GET", other, 200, "{\"service\":\"" + service + "-service\",\"agentId\":\"" + other
                    + "\",\"data\":{}}");
        }
        String second = open("ACCESS", other);
        awaitStatus(second, "COMPLETED");
        backdateExpiry(second);
        given().auth().oauth2(admin()).get("/api/v1/subject-requests/" + second + "/export").then().statusCode(410);
        assertTrue(requests.expireExports() >= 1);
        assertEquals(1, ((Number) em.createNativeQuery("SELECT count(*) FROM subject_request WHERE id = ?1 "
                + "AND export_json IS NULL AND export_cleared_why = 'EXPIRED'").setParameter(1, second)
                .getSingleResult()).intValue());
    }

    @jakarta.transaction.Transactional
    void backdateExpiry(String id) {
        em.createNativeQuery("UPDATE subject_request SET export_expires_at = now() - interval '1 second' WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    @Test
    void rolesAndBadInput() {
        given().contentType(ContentType.JSON).body("{\"type\":\"ACCESS\",\"agentId\":\"a\"}")
                .post("/api/v1/subject-requests").then().statusCode(401);
        for (String token : new String[] {TestTokens.withRoles("c", "ciso"), TestTokens.agent("a", "t")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"type\":\"ACCESS\",\"agentId\":\"a\"}")
                    .post("/api/v1/subject-requests").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/subject-requests/x").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/subject-requests/x/export").then().statusCode(403);
        }
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"type\":\"DELETE\",\"agentId\":\"a\"}")
                .post("/api/v1/subject-requests").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"type\":\"ACCESS\"}")
                .post("/api/v1/subject-requests").then().statusCode(400).body("errors[0].field", equalTo("agentId"));
        given().auth().oauth2(admin()).get("/api/v1/subject-requests/nope").then().statusCode(404);
    }
}
