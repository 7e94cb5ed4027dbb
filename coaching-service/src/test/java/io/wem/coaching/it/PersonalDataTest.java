package io.wem.coaching.it;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.coaching.persistence.CoachingRecordStore;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.BehaviorGapResolved;
import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.common.contracts.GapType;
import io.wem.common.contracts.LegalHoldScope;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.common.retention.PersonalDataStore;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.wem.coaching.it.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audit of reads, retention with legal holds, subject export and erasure, and resolved gaps. */
@QuarkusTest
class PersonalDataTest {

    @Inject
    CoachingRecordStore store;

    static final String SUBJECTS = "/api/v1/internal/subjects/";

    @Test
    void readsOfCoachingRecordsAreAudited() {
        String team = id("team");
        String agent = id("agent");
        BehaviorGapDetected g = sendGap(agent, team, BuiltInBehaviors.TRANSFERS, GapType.SKILL);
        String id = (String) awaitIntervention(team, g.gapId(), inState("ASSIGNED")).get("id");
        try (TestKafka.Reader audit = TestKafka.reader(Topics.AUDIT)) {
            given().auth().oauth2(supervisor(team)).get("/api/v1/interventions/" + id).then().statusCode(200);
            ConsumerRecord<String, String> r = audit.await(x -> x.value().contains("coaching-service:intervention/" + id)
                    && x.value().contains("\"action\":\"READ\""), Duration.ofSeconds(20));
            assertNotNull(r, "READ audited");
            assertTrue(r.value().contains("\"subject\":\"" + agent + "\""), r.value());
            given().auth().oauth2(role("ciso")).get("/api/v1/interventions/" + id).then().statusCode(403);
            assertNotNull(audit.await(x -> x.value().contains("coaching-service:intervention/" + id)
                    && x.value().contains("\"outcome\":\"DENIED\""), Duration.ofSeconds(20)), "denied read audited");
        }
    }

    @Test
    void purgeHonoursLegalHoldsAndSubjectRequestsExportAndErase() {
        String team = id("team");
        String held = id("agent");
        String free = id("agent");
        String heldId = (String) awaitIntervention(team, sendGap(held, team, BuiltInBehaviors.ACW_HABITS, GapType.SKILL).gapId(),
                inState("ASSIGNED")).get("id");
        String freeId = (String) awaitIntervention(team, sendGap(free, team, BuiltInBehaviors.ACW_HABITS, GapType.SKILL).gapId(),
                inState("ASSIGNED")).get("id");
        LegalHoldScope hold = new LegalHoldScope(id("hold"), "case-1", List.of(held), List.of(), null, null);
        PersonalDataStore.PurgeOutcome outcome = QuarkusTransaction.requiringNew().call(() ->
                store.purge(Instant.now().plusSeconds(1), List.of(hold)));
        assertTrue(outcome.retainedByHold() >= 1 && outcome.purged() >= 1, outcome.toString());
        String coach = coach(team);
        given().auth().oauth2(coach).get("/api/v1/interventions/" + heldId).then().statusCode(200);
        given().auth().oauth2(coach).get("/api/v1/interventions/" + freeId).then().statusCode(404);

        String svc = TestTokens.service("governance-service", List.of("service", "svc-subject-requests"));
        given().auth().oauth2(svc).get(SUBJECTS + held).then().statusCode(200)
                .body("data.'coaching-record'[0].interventionId", equalTo(heldId))
                .body("data.'coaching-record'[0].history.size()", greaterThanOrEqualTo(2));
        given().auth().oauth2(supervisor(team)).get(SUBJECTS + held).then().statusCode(403);
        given().get(SUBJECTS + held).then().statusCode(401);
        given().auth().oauth2(svc).delete(SUBJECTS + held).then().statusCode(200)
                .body("erased.'coaching-record'", equalTo(1));
        given().auth().oauth2(coach).get("/api/v1/interventions/" + heldId).then().statusCode(404);
    }

    @Test
    void aResolvedGapCancelsWorkThatHasNotReachedTheAgent() {
        String team = id("team");
        String agent = id("agent");
        String down = wellbeingDownFor(agent);
        try {
            BehaviorGapDetected g = sendGap(agent, team, BuiltInBehaviors.BILLING_CONFIRMATION, GapType.MOTIVATION);
            awaitIntervention(team, g.gapId(), inState("AWAITING_GUARDRAIL"));
            BehaviorGapResolved resolved = new BehaviorGapResolved(g.gapId(), agent, team, g.behaviorId(), 0.9, 0.85,
                    "back above the team median", Instant.now());
            send(EventEnvelope.of(EventTypes.GAP_RESOLVED, "signal-service", agent, resolved));
            Map<String, Object> i = awaitIntervention(team, g.gapId(), inState("CANCELLED"));
            assertTrue(((String) i.get("cancelReason")).contains("gap resolved"), (String) i.get("cancelReason"));
        } finally {
            removeStub(down);
        }
    }
}
