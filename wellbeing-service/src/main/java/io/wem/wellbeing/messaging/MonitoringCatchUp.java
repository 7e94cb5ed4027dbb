package io.wem.wellbeing.messaging;

import io.wem.wellbeing.config.WellbeingConfig;
import io.wem.wellbeing.domain.CatchUp;
import io.wem.wellbeing.persistence.ConsumerPositionRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-writes for the guardrail: before deciding on an agent, wait until the monitoring events of the agent's
 * partition that were in Kafka when the request came have been recorded. Producers key monitoring events by agent
 * id, so only that one partition matters. Concurrent evaluations share one end-offset call, started after they
 * asked ({@link CoalescedLookup}). The admin calls are bounded; any failure counts as "not caught up".
 */
@ApplicationScoped
public class MonitoringCatchUp {
    private static final Logger LOG = Logger.getLogger(MonitoringCatchUp.class);
    static final String CONSUMER = "monitoring-events";
    private static final long POLL_MILLIS = 50;

    /** What the guardrail learns: caught up, or how many records of the agent's partition are still in flight. */
    public record Status(boolean caughtUp, long inFlight) {
    }

    @Inject
    ConsumerPositionRepository positions;

    @Inject
    WellbeingConfig config;

    @Inject
    Clock clock;

    @Inject
    @io.smallrye.common.annotation.Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "kafka.group.id")
    String groupId;

    @ConfigProperty(name = "mp.messaging.incoming.monitoring-events.topic")
    String topic;

    private final java.util.concurrent.ConcurrentMap<Integer, Long> recordedHere =
            new java.util.concurrent.ConcurrentHashMap<>();

    private volatile Admin admin;
    private volatile Integer partitions;

    /** End offsets, many evaluations' partitions per admin call (see CoalescedLookup). */
    private final CoalescedLookup<TopicPartition, Long> endOffsets = new CoalescedLookup<>(4, tps -> {
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        tps.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        return admin().listOffsets(latest).all().toCompletionStage().toCompletableFuture().thenApply(all -> {
            Map<TopicPartition, Long> out = new java.util.HashMap<>();
            all.forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        });
    });

    public Status await(String agentId) {
        Instant deadline = clock.instant().plus(config.guardrailCatchUpTimeout());
        TopicPartition tp;
        long target;
        try {
            tp = new TopicPartition(topic, partitionOf(agentId));
            target = endOffsets.get(tp).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("guardrail: end offset of %s unknown (%s); deciding as not caught up", topic, e.toString());
            return new Status(false, -1);
        }
        Long recorded = recordedSoFar(tp.partition(), target);
        while (!CatchUp.caughtUp(target, recorded, null) && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            recorded = recordedSoFar(tp.partition(), target);
        }
        Long committed = null;
        if (!CatchUp.caughtUp(target, recorded, null)) {
            // A record parked on the dead-letter topic never reaches the database; the committed offset passes it.
            committed = committed(tp);
        }
        return new Status(CatchUp.caughtUp(target, recorded, committed), CatchUp.behind(target, recorded, committed));
    }

    /**
     * Called by this replica's consumer once a record's transaction has committed: the next offset of the partition
     * whose facts are now readable.
     */
    public void recordedHere(int partition, long nextOffset) {
        recordedHere.merge(partition, nextOffset, Math::max);
    }

    /**
     * The next offset recorded for the partition: what this replica committed itself, when that already reaches the
     * target (no database round trip), else the stored position (another replica may own the partition). The local
     * figure is a lower bound of the stored one: it is only raised after the same transaction committed.
     */
    Long recordedSoFar(int partition, long target) {
        Long here = recordedHere.get(partition);
        if (here != null && CatchUp.caughtUp(target, here, null)) {
            return here;
        }
        Long stored = positions.next(CONSUMER, topic, partition);
        return here == null ? stored : stored == null ? here : Long.valueOf(Math.max(here, stored));
    }

    private Long committed(TopicPartition tp) {
        try {
            OffsetAndMetadata o = admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(2, TimeUnit.SECONDS).get(tp);
            return o == null ? null : o.offset();
        } catch (Exception e) {
            return null;
        }
    }

    /** The default partitioner's choice for a keyed record (murmur2 of the key modulo the partition count). */
    private int partitionOf(String agentId) throws Exception {
        if (partitions == null) {
            partitions = admin().describeTopics(List.of(topic)).allTopicNames().get(2, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        }
        return Utils.toPositive(Utils.murmur2(agentId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    // The service's own connection settings: bootstrap plus its login (SASL, TLS), as every channel's.
                    Map<String, Object> props = new java.util.HashMap<>();
                    kafka.forEach((k, v) -> {
                        if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                            props.put(k, v);
                        }
                    });
                    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
                    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
                    admin = Admin.create(props);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
