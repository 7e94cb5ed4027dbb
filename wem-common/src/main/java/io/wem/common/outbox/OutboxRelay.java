package io.wem.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.wem.common.messaging.AcknowledgedSend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in order and deletes them once the broker acknowledged them.
 * Rows are locked with SKIP LOCKED so several replicas of a service relay without publishing twice.
 * Delivery is at least once; consumers deduplicate on the envelope id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    @Channel("wem-outbox")
    Emitter<String> emitter;

    @Inject
    MeterRegistry registry;

    // Optional: MicroProfile Config treats the empty default prefix as "missing".
    @ConfigProperty(name = "wem.kafka.topic-prefix")
    Optional<String> topicPrefix;

    // At most what the emitter can hand to Kafka before the first acknowledgement (1,024 in flight + 128 buffered):
    // a larger batch fails with "Insufficient downstream requests" on every retry and the outbox stops moving.
    static final int MAX_BATCH = 1000;

    @ConfigProperty(name = "wem.outbox.batch-size", defaultValue = "500")
    int configuredBatchSize;

    private int batchSize;

    @jakarta.annotation.PostConstruct
    void init() {
        batchSize = Math.max(1, Math.min(configuredBatchSize, MAX_BATCH));
    }

    private Counter published;

    @Scheduled(every = "${wem.outbox.poll-interval:0.1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        try {
            // Keep draining while full batches come back, so a burst does not wait for the next tick.
            while (relayBatch() == batchSize) {
                // loop
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused: %s", e.getMessage());
        }
    }

    @Transactional
    int relayBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, topic, event_key, payload FROM outbox_event "
                        + "ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, batchSize)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(topicPrefix.orElse("") + row[1])
                    .withKey((String) row[2])
                    .build();
            CompletableFuture<Void> ack = AcknowledgedSend.send(emitter, Message.of((String) row[3]).addMetadata(meta));
            acks.add(ack);
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Roll back: the rows stay and are sent again (consumers are idempotent).
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch: " + e.getMessage(), e);
        }
        em.createNativeQuery("DELETE FROM outbox_event WHERE id = ANY(?1)")
                .setParameter(1, ids.toArray(Long[]::new))
                .executeUpdate();
        counter().increment(rows.size());
        return rows.size();
    }

    private Counter counter() {
        if (published == null) {
            published = registry.counter("wem.outbox.published");
        }
        return published;
    }
}
