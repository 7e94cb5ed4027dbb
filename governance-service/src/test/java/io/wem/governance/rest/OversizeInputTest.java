package io.wem.governance.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.testing.OversizeAttack;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/** Oversized legal holds and rosters: refused (400/413 problem+json), nothing stored. */
@QuarkusTest
class OversizeInputTest {
    static final String ADMIN = TestTokens.withRoles("gov-admin", "governance-admin");

    @Test
    void hugeHoldListsAndStringsAreRefusedAndNotStored() {
        String a = "CASE-OV-" + UUID.randomUUID();
        ObjectNode hold = OversizeAttack.example("POST", "/api/v1/legal-holds");
        OversizeAttack.refused(ADMIN, "POST", "/api/v1/legal-holds",
                OversizeAttack.withHugeArray(hold.put("caseReference", a), "agentIds", TextNode.valueOf("agent-1")),
                "agentIds");
        String b = "CASE-OV-" + UUID.randomUUID();
        OversizeAttack.refused(ADMIN, "POST", "/api/v1/legal-holds",
                OversizeAttack.withHugeString(hold.put("caseReference", b), "reason"), "reason");
        given().auth().oauth2(ADMIN).when().get("/api/v1/legal-holds?all=true").then().statusCode(200)
                .body("caseReference", not(hasItem(a))).body("caseReference", not(hasItem(b)));
    }

    @Test
    void aRosterWithAHugeFieldIsRefused() {
        ObjectNode roster = OversizeAttack.example("POST", "/api/v1/directory/roster");
        ((ObjectNode) roster.withArray("rows").get(0)).put("teamName", "x".repeat(OversizeAttack.CHARS));
        OversizeAttack.refused(ADMIN, "POST", "/api/v1/directory/roster", roster, "rows");
    }
}
