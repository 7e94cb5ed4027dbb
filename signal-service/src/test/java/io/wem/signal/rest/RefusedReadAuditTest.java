package io.wem.signal.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.events.Topics;
import io.wem.testing.TestKafka;
import io.wem.testing.TestDirectory;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.wem.signal.support.Signals.batch;
import static io.wem.signal.support.Signals.interaction;
import static io.wem.signal.support.Signals.uid;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A refused attempt on an agent's data reaches the audit log (and so the agent's transparency view). */
@QuarkusTest
class RefusedReadAuditTest {

    @Test
    void scopeAndRoleRefusalsAreAuditedAsDenied() {
        String team = uid("team");
        String agent = uid("agent");
        TestDirectory.placeAgent(agent, team); // scope comes from the directory, not from the signal
        given().auth().oauth2(TestTokens.service("cc", List.of("integration"))).contentType("application/json")
                .body(batch(interaction(uid("e"), uid("int"), agent, team, Instant.now().minusSeconds(60), 30, 20, 0,
                        false, "general"))).when().post("/api/v1/signals").then().statusCode(202);
        String outsider = uid("sup-other");
        String planner = uid("wfm");
        String own = uid("sup-own");
        try (TestKafka.Reader audit = TestKafka.reader(Topics.AUDIT)) {
            // scope refusal: a supervisor of another team
            given().auth().oauth2(TestTokens.supervisor(outsider, uid("team-other")))
                    .when().get("/api/v1/agents/" + agent + "/behaviors").then().statusCode(403);
            // role refusal: a role the endpoint does not allow at all
            given().auth().oauth2(TestTokens.withRoles(planner, "wfm-planner"))
                    .when().get("/api/v1/agents/" + agent + "/behaviors/acw-habits/measurements").then().statusCode(403);
            // an allowed read is audited as a read, not as a refusal
            given().auth().oauth2(TestTokens.supervisor(own, team))
                    .when().get("/api/v1/agents/" + agent + "/behaviors").then().statusCode(200);

            assertNotNull(audit.await(r -> r.value().contains("\"actor\":\"" + outsider + "\"")
                    && r.value().contains("\"subject\":\"" + agent + "\"") && r.value().contains("\"outcome\":\"DENIED\""),
                    Duration.ofSeconds(20)), "scope refusal audited");
            assertNotNull(audit.await(r -> r.value().contains("\"actor\":\"" + planner + "\"")
                    && r.value().contains("\"subject\":\"" + agent + "\"") && r.value().contains("\"outcome\":\"DENIED\""),
                    Duration.ofSeconds(20)), "role refusal audited");
            assertNotNull(audit.await(r -> r.value().contains("\"actor\":\"" + own + "\"")
                    && r.value().contains("\"outcome\":\"SUCCESS\""), Duration.ofSeconds(20)), "read audited");
            assertNull(audit.await(r -> r.value().contains("\"actor\":\"" + own + "\"")
                    && r.value().contains("\"outcome\":\"DENIED\""), Duration.ofSeconds(2)), "no refusal for a read");
        }
    }
}
