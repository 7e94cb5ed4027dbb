package io.wem.governance.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily purge is a cron job: every replica of governance-service fires it at the same minute. The purge must be
 * issued once per run, not once per replica (each replica's commands would be carried out and reported again).
 */
@QuarkusTest
class ScheduledPurgeReplicasTest {

    @Inject
    RetentionService retention;

    @Inject
    EntityManager em;

    @Test
    void twoReplicasFiringTheCronAtOnceIssueOnePurge() throws Exception {
        Instant started = Instant.now().minusMillis(1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(retention::scheduledPurge);
        CompletableFuture<Void> b = CompletableFuture.runAsync(retention::scheduledPurge);
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);
        // a third replica a few minutes late (slow start, clock skew) still finds the run done
        retention.scheduledPurge();
        long issued = scheduledSince(started);
        assertTrue(issued > 0, "the scheduled purge issued nothing");
        long perRun = QuarkusTransaction.requiringNew().call(() -> retention.issuePurges("test-plan-size").size());
        assertEquals(perRun, issued, "commands issued by the scheduler for one run fired on three replicas");
    }

    private long scheduledSince(Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM purge_command_log WHERE issued_by = 'scheduler' AND issued_at >= ?1")
                .setParameter(1, Timestamp.from(since)).getSingleResult()).longValue());
    }
}
