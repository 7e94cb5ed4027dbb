package io.wem.signal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.testing.OversizeAttack;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** 100,000-item arrays and 1 MB strings in the behavior catalog: refused (400/413 problem+json), never stored. */
@QuarkusTest
class OversizeInputTest {
    static final String QA = TestTokens.withRoles("qa-lead", "qa-analyst");

    ObjectNode body(String id) {
        return OversizeAttack.example("POST", "/api/v1/behaviors").put("id", id);
    }

    @Test
    void theDocumentedExampleIsAccepted() {
        String id = "ov-" + UUID.randomUUID();
        given().auth().oauth2(QA).contentType("application/json").body(body(id).toString())
                .when().post("/api/v1/behaviors").then().statusCode(201);
    }

    @Test
    void hugeArraysAndStringsAreRefusedAndNotStored() {
        String a = "ov-" + UUID.randomUUID();
        OversizeAttack.refused(QA, "POST", "/api/v1/behaviors",
                OversizeAttack.withHugeArray(body(a), "gapTypeHints", TextNode.valueOf("SKILL")), "gapTypeHints");
        String b = "ov-" + UUID.randomUUID();
        OversizeAttack.refused(QA, "POST", "/api/v1/behaviors", OversizeAttack.withHugeString(body(b), "name"), "name");
        String c = "ov-" + UUID.randomUUID();
        OversizeAttack.refused(QA, "POST", "/api/v1/behaviors",
                OversizeAttack.withHugeString(body(c), "filters.queue"), "filters");
        for (String id : new String[] {a, b, c}) {
            given().auth().oauth2(QA).when().get("/api/v1/behaviors/" + id).then().statusCode(404);
        }
    }

    @Test
    void anIdOutsideItsPatternIsRefused() {
        OversizeAttack.refused(QA, "POST", "/api/v1/behaviors", body("bad\u0001id"), "id");
        OversizeAttack.refused(QA, "POST", "/api/v1/behaviors", body("x".repeat(129)), "id");
    }
}
