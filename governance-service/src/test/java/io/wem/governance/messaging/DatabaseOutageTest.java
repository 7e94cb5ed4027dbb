package io.wem.governance.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.wem.common.contracts.AuditEvent;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.common.messaging.DeadLetterMonitor;
import io.wem.testing.DatabaseProxy;
import io.wem.testing.TestKafka;
import io.wem.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real database outage, for this service only: its datasource goes through {@link DatabaseProxy}, which drops
 * every open connection and refuses new ones (the PostgreSQL server others use keeps running). An audit event that
 * arrives meanwhile is retried, not dead-lettered, and stored exactly once when the database is back.
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseProxy.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "wem_governance_test"))
class DatabaseOutageTest {
    static final String DB = "jdbc:postgresql://127.0.0.1:5432/wem_governance_test"
            + System.getenv().getOrDefault("WEM_TEST_DB_SUFFIX", "");
    static final String DLQ = "wem.dlq.governance-service.audit-events.v1";

    @Test
    void anAuditEventDuringADatabaseOutageIsRetriedAndStoredOnceNeverDeadLettered() throws Exception {
        String auditId = "audit-" + UUID.randomUUID();
        String actor = "sup-" + UUID.randomUUID().toString().substring(0, 8);
        AuditEvent e = new AuditEvent(auditId, "signal-service", actor, List.of("supervisor"), "agent-outage", "READ",
                "signal-service:gaps", "coaching preparation", "SUCCESS", Instant.now(), null);
        long parkedBefore = parked();
        double retriesBefore = retries();
        int refusedBefore = DatabaseProxy.refused();
        try (TestKafka.Reader dlq = TestKafka.reader(DLQ)) {
            DatabaseProxy.cut();
            try {
                TestKafka.sendSigned(Topics.AUDIT, e.subject(), EventEnvelope.withId(auditId, EventTypes.AUDIT,
                        e.service(), e.subject(), e));
                // the consumer meets the outage and keeps retrying (back-off 0.2 s, 0.4 s, ...)
                await("retries during the outage").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> retries() >= retriesBefore + 4);
                assertTrue(DatabaseProxy.refused() > refusedBefore, "the pool tried to reconnect and was refused");
                assertEquals(0, stored(auditId), "nothing stored while the database is away");
            } finally {
                DatabaseProxy.restore();
            }
            String ciso = TestTokens.withRoles("ciso-" + UUID.randomUUID().toString().substring(0, 8), "ciso");
            await("stored after the outage").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().auth().oauth2(ciso).queryParam("actor", actor).get("/api/v1/audit/events")
                            .then().extract().statusCode() == 200 && stored(auditId) == 1);
            given().auth().oauth2(ciso).queryParam("actor", actor).get("/api/v1/audit/events").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(1));
            assertNull(dlq.await(r -> r.value() != null && r.value().contains(auditId), Duration.ofSeconds(5)),
                    "the event was dead-lettered");
        }
        assertEquals(1, stored(auditId), "stored exactly once");
        assertEquals(parkedBefore, parked(), "nothing counted as parked on " + DLQ);
    }

    private static double retries() {
        Counter c = Metrics.globalRegistry.find("wem.consumer.retries").tag("channel", AuditEventConsumer.CHANNEL)
                .counter();
        return c == null ? 0 : c.count();
    }

    private static long parked() {
        return DeadLetterMonitor.counts().entrySet().stream().filter(en -> en.getKey().endsWith("audit-events.v1"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    /** Read directly, not through the proxy. */
    private static long stored(String auditId) throws Exception {
        try (Connection c = DriverManager.getConnection(DB, "postgres", "");
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_entry WHERE audit_id = ?")) {
            ps.setString(1, auditId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
