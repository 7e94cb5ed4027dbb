package io.wem.coaching.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static io.wem.coaching.it.Fixtures.coach;
import static io.wem.coaching.it.Fixtures.supervisor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attack (issue 14): a person types a card number into a coaching note, reflection, dispute or goal. Before the fix
 * it was stored readable; now every free-text field goes through governance's redaction before storage, and when
 * redaction is unavailable the request is refused (503 naming the field) and nothing is stored.
 */
@QuarkusTest
class FreeTextRedactionTest {

    @Inject
    DataSource db;

    @AfterEach
    void up() {
        TestRedaction.down(false);
    }

    /** Luhn-valid 16-digit numbers from a seeded generator, written the ways people type them. */
    static List<String> typedCards(long seed, int n) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int[] d = new int[16];
            d[0] = 4 + r.nextInt(2); // 4xxx or 5xxx
            for (int i = 1; i < 15; i++) {
                d[i] = r.nextInt(10);
            }
            int sum = 0;
            for (int i = 0; i < 15; i++) {
                int v = d[14 - i];
                if (i % 2 == 0) {
                    v *= 2;
                    if (v > 9) {
                        v -= 9;
                    }
                }
                sum += v;
            }
            d[15] = (10 - sum % 10) % 10;
            StringBuilder sb = new StringBuilder();
            String sep = switch (k % 3) { case 0 -> ""; case 1 -> " "; default -> "-"; };
            for (int i = 0; i < 16; i++) {
                if (i > 0 && i % 4 == 0) {
                    sb.append(sep);
                }
                sb.append(d[i]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void everyFreeTextFieldIsRedactedBeforeItIsStored() throws Exception {
        String[] a = InterventionWorkflowTest.assignedCoaching(BuiltInBehaviors.REPEAT_CONTACTS);
        String team = a[0];
        String id = a[2];
        String me = TestTokens.agent(a[1], team);
        String coach = Fixtures.teamCoach(team);
        List<String> cards = typedCards(20261204L, 6);
        post(me, "/api/v1/me/interventions/" + id + "/reflection", Map.of("text", "my card " + cards.get(0) + " was on screen"));
        post(me, "/api/v1/me/interventions/" + id + "/goal", Map.of("goal", "never read out " + cards.get(1)));
        post(me, "/api/v1/me/interventions/" + id + "/dispute", Map.of("reason", "the customer said " + cards.get(2)));
        post(coach, "/api/v1/interventions/" + id + "/transitions", Map.of("to", "SCHEDULED", "note", "card " + cards.get(3)));
        post(coach, "/api/v1/interventions/" + id + "/goal", Map.of("goal", "read back " + cards.get(4) + " never"));
        post(coach, "/api/v1/interventions/" + id + "/transitions", Map.of("to", "IN_PROGRESS", "note", cards.get(5) + " ok"));

        List<String> found = new ArrayList<>();
        int redacted = 0;
        for (String value : allText()) {
            String digitsOnly = value.replaceAll("[ -]", "");
            for (String card : cards) {
                if (digitsOnly.contains(card.replaceAll("[ -]", ""))) {
                    found.add(card);
                }
            }
            if (value.contains("[PAN]")) {
                redacted++;
            }
        }
        assertEquals(List.of(), found, "card numbers readable in coaching's tables");
        assertTrue(redacted >= 5, "the redacted texts were stored: " + redacted);
    }

    @Test
    void withoutRedactionNothingIsStoredAnd503NamesTheField() throws Exception {
        String[] a = InterventionWorkflowTest.assignedCoaching(BuiltInBehaviors.REPEAT_CONTACTS);
        String id = a[2];
        String me = TestTokens.agent(a[1], a[0]);
        TestRedaction.down(true);
        String card = typedCards(7L, 1).get(0);
        for (String[] c : List.of(new String[] {"reflection", "text"}, new String[] {"dispute", "reason"},
                new String[] {"goal", "goal"})) {
            given().auth().oauth2(me).contentType(ContentType.JSON).body(Map.of(c[1], "it was " + card))
                    .post("/api/v1/me/interventions/" + id + "/" + c[0]).then().statusCode(503)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(c[1]))
                    .body("detail", containsString("nothing was stored"));
        }
        given().auth().oauth2(coach(a[0])).contentType(ContentType.JSON)
                .body(Map.of("to", "SCHEDULED", "note", "it was " + card))
                .post("/api/v1/interventions/" + id + "/transitions").then().statusCode(503)
                .body("errors[0].field", equalTo("note"));
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT reflection, dispute_reason, proposed_goal, state FROM intervention "
                     + "WHERE id::text = '" + id + "'")) {
            assertTrue(rs.next());
            assertEquals(null, rs.getString(1));
            assertEquals(null, rs.getString(2));
            assertEquals(null, rs.getString(3));
            assertEquals("ASSIGNED", rs.getString(4), "the transition was not made either");
        }
        // a supervisor of another team is still refused first by scope when redaction is up
        TestRedaction.down(false);
        given().auth().oauth2(supervisor(Fixtures.id("team"))).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVE", "note", "x")).post("/api/v1/interventions/" + id + "/review")
                .then().statusCode(403);
    }

    private static void post(String token, String path, Map<String, String> body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then().statusCode(200);
    }

    /** Every text value of every base table of coaching's schema. */
    private List<String> allText() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT c.table_name, c.column_name FROM information_schema.columns c "
                    + "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                    + "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.data_type IN "
                    + "('text', 'character varying', 'character', 'json', 'jsonb')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] col : columns) {
                try (ResultSet rs = st.executeQuery("SELECT \"" + col[1] + "\"::text FROM \"" + col[0] + "\" WHERE \""
                        + col[1] + "\" IS NOT NULL")) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }
}
