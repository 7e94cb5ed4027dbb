package io.wem.governance.messaging;

import io.smallrye.common.annotation.Identifier;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.common.events.Topics;
import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.domain.audit.AuditKeys;
import io.wem.governance.domain.audit.Checkpoint;
import io.wem.governance.domain.audit.CheckpointMemory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the newest validly signed checkpoint from the checkpoint topic: the copy of the chain head that whoever
 * controls governance's database cannot reach. Reads the last records of each partition with an unassigned consumer
 * (no group, nothing committed) built from the service's own Kafka settings (so SASL settings apply here too), one
 * consumer kept for all reads. What the topic last showed is remembered ({@link CheckpointMemory}) and refreshed in the
 * background (AuditCheckpointService), so a verify or an export waits for Kafka only when that memory is older than
 * {@code wem.governance.audit.checkpoint-max-age}.
 */
@ApplicationScoped
public class AuditCheckpointTopic {
    private static final Logger LOG = Logger.getLogger(AuditCheckpointTopic.class);
    /** Records read back from the end of each partition: a few forged (unsigned) records cannot hide the real one. */
    static final int TAIL = 20;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    // Optional: MicroProfile Config treats the empty prefix (the default outside tests) as missing, and an empty
    // defaultValue as no default, so a String here failed the boot of every deployment without a prefix.
    @ConfigProperty(name = "wem.kafka.topic-prefix")
    Optional<String> prefix;

    @Inject
    GovernanceConfig config;

    @Inject
    AuditKeys keys;

    @Inject
    Clock clock;

    private final CheckpointMemory memory = new CheckpointMemory();

    private KafkaConsumer<String, String> consumer;

    /**
     * The newest checkpoint of chain {@code chainId} with a valid signature the topic has shown, read at most
     * {@code checkpoint-max-age} ago (read now when older); empty when the topic never had one or could not be read.
     */
    public Optional<Checkpoint> latest(String chainId) {
        return fresh(chainId).orElseGet(() -> refreshIfStillStale(chainId));
    }

    private Optional<Optional<Checkpoint>> fresh(String chainId) {
        return memory.fresh(chainId, clock.instant(), config.audit().checkpointMaxAge());
    }

    /** Requests that found the memory stale together read the topic once: the first refreshes it for the rest. */
    private synchronized Optional<Checkpoint> refreshIfStillStale(String chainId) {
        return fresh(chainId).orElseGet(() -> refresh(chainId));
    }

    /** Reads the topic now and remembers what it shows (never forgetting a newer checkpoint already seen). */
    public synchronized Optional<Checkpoint> refresh(String chainId) {
        Instant at = clock.instant();
        return memory.remember(chainId, read(chainId), at);
    }

    /** The newest validly signed checkpoint of the chain among the last records of each partition. */
    private Optional<Checkpoint> read(String chainId) {
        Duration timeout = config.audit().checkpointReadTimeout();
        String topic = prefix.orElse("") + Topics.AUDIT_CHECKPOINTS;
        try {
            KafkaConsumer<String, String> consumer = consumer();
            consumer.resume(consumer.paused());
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return Optional.empty();
            }
            List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(tps);
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps, timeout);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(tps, timeout);
            for (TopicPartition tp : tps) {
                long end = ends.getOrDefault(tp, 0L);
                long begin = begins.getOrDefault(tp, 0L);
                if (end > begin) {
                    consumer.seek(tp, Math.max(begin, end - TAIL));
                    remaining.put(tp, end);
                } else {
                    consumer.pause(List.of(tp));
                }
            }
            List<Checkpoint> found = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    parse(r.value()).filter(c -> chainId.equals(c.chainId()) && c.signatureValid(keys))
                            .ifPresent(found::add);
                }
                // Done with a partition once its position reaches the end read before: the last offset may be a
                // transaction marker that no record carries, and waiting for it cost the whole timeout every read.
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
            }
            return found.stream().max((a, b) -> Long.compare(a.sequence(), b.sequence()));
        } catch (RuntimeException e) {
            LOG.warnf("audit checkpoint topic %s not readable: %s", topic, e.getClass().getSimpleName());
            close(); // a consumer in an unknown state is not reused; the next read starts a fresh one
            return Optional.empty();
        }
    }

    /**
     * One consumer for every read, kept between reads (callers are serialized): a new client per read paid for the
     * connection and the SASL handshake every time, which was most of the half second a CISO's "verify the chain"
     * took in the console (docs/console.md). Every read still seeks to the end of each partition and reads the tail.
     */
    private KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            Map<String, Object> props = new HashMap<>();
            kafka.forEach((k, v) -> {
                if (!k.startsWith("group.") && !k.endsWith(".deserializer")) {
                    props.put(k, v);
                }
            });
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(props);
        }
        return consumer;
    }

    @PreDestroy
    synchronized void close() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debugf("closing the checkpoint consumer: %s", e.toString());
            }
            consumer = null;
        }
    }

    private static Optional<Checkpoint> parse(String json) {
        try {
            EventEnvelope envelope = Events.parse(json);
            return Optional.of(envelope.dataAs(Checkpoint.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
