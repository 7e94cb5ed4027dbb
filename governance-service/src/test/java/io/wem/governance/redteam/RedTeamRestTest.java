package io.wem.governance.redteam;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small slice of the red-team corpus through {@code POST /api/v1/redactions} as a caller would send it: every case
 * as a conversation (turns with speakers), the way an independent judge runs it.
 */
@QuarkusTest
@TestProfile(RedTeamRestTest.ProductionLimits.class)
class RedTeamRestTest {

    /** The test profile caps a request at 5 texts; the red team posts real batches, as signal-service does. */
    public static class ProductionLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("wem.governance.redaction.max-texts", "1000",
                    "wem.governance.redaction.max-bytes", "1048576");
        }
    }

    @Test
    void redTeamSliceThroughTheConversationForm() throws IOException {
        List<RedTeamCase> cases = new RedTeamGenerator(RedTeamEngineTest.SEED + 7).generate(12);
        String token = TestTokens.service("signal-service", List.of("service", "svc-redaction"));
        RedTeamScore score = new RedTeamScore();
        int batch = 40;
        for (int from = 0; from < cases.size(); from += batch) {
            List<RedTeamCase> slice = cases.subList(from, Math.min(cases.size(), from + batch));
            List<Map<String, Object>> conversations = new ArrayList<>();
            for (RedTeamCase c : slice) {
                List<Map<String, Object>> turns = new ArrayList<>();
                for (RedTeamCase.Turn t : c.turns) {
                    Map<String, Object> turn = new LinkedHashMap<>();
                    turn.put("speaker", t.speaker());
                    turn.put("text", t.text());
                    turns.add(turn);
                }
                conversations.add(Map.of("turns", turns));
            }
            JsonPath body = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("conversations", conversations, "keepLastFour", false))
                    .post("/api/v1/redactions").then().statusCode(200).extract().jsonPath();
            for (int k = 0; k < slice.size(); k++) {
                List<Map<String, Object>> turns = body.getList("conversations[" + k + "].turns");
                List<String> texts = new ArrayList<>();
                List<RedTeamScore.Hit> hits = new ArrayList<>();
                for (int ti = 0; ti < turns.size(); ti++) {
                    texts.add((String) turns.get(ti).get("text"));
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> fs = (List<Map<String, Object>>) turns.get(ti).get("findings");
                    for (Map<String, Object> f : fs) {
                        hits.add(new RedTeamScore.Hit((String) f.get("type"), ti, ((Number) f.get("start")).intValue(),
                                ((Number) f.get("end")).intValue()));
                    }
                }
                score.add(slice.get(k), new RedTeamScore.Answer(texts, hits));
            }
        }
        String report = cases.size() + " cases through REST (conversation form)\n" + score.report(true);
        Path out = Path.of("target", "redteam-rest-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertEquals(0, score.leaks(), "PANs readable after POST /api/v1/redactions; see " + out.toAbsolutePath());
    }
}
