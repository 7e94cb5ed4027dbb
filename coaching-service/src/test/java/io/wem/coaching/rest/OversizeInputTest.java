package io.wem.coaching.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.testing.OversizeAttack;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Oversized playbooks: refused (400/413 problem+json), nothing stored. */
@QuarkusTest
class OversizeInputTest {
    static final String QA = TestTokens.withRoles("qa1", "qa-analyst");

    @Test
    void hugePlaybookListsAndStringsAreRefusedAndNotStored() {
        String a = "ov-" + UUID.randomUUID();
        ObjectNode playbook = OversizeAttack.example("POST", "/api/v1/playbooks");
        OversizeAttack.refused(QA, "POST", "/api/v1/playbooks", OversizeAttack.withHugeArray(
                playbook.put("behaviorId", a), "learningItems", TextNode.valueOf("read the checklist")), "learningItems");
        String b = "ov-" + UUID.randomUUID();
        OversizeAttack.refused(QA, "POST", "/api/v1/playbooks",
                OversizeAttack.withHugeString(playbook.put("behaviorId", b), "title"), "title");
        for (String behavior : new String[] {a, b}) {
            given().auth().oauth2(QA).when().get("/api/v1/playbooks/pb-" + behavior + "-skill").then().statusCode(404);
        }
    }

    /**
     * Over Quarkus' own body limit (no max-body-size set here: the default 10240K) the answer is 413 problem+json
     * naming the body, not Quarkus' empty 413 and a closed connection.
     */
    @Test
    void aBodyOverTheHttpLimitIs413ProblemJson() {
        String big = "{\"title\":\"" + "x".repeat(10240 * 1024 + 1) + "\"}";
        given().auth().oauth2(QA).contentType("application/json").body(big).when().post("/api/v1/playbooks")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("body"));
    }
}
