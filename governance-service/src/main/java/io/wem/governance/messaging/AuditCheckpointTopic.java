package io.wem.governance.messaging;

import io.smallrye.common.annotation.Identifier;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.common.events.Topics;
import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.domain.audit.AuditKeys;
import io.wem.governance.domain.audit.Checkpoint;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the newest validly signed checkpoint from the checkpoint topic: the copy of the chain head that whoever
 * controls governance's database cannot reach. Reads the last record of each partition with an unassigned consumer
 * (no group, nothing committed) built from the service's own Kafka settings (so SASL settings apply here too).
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

    /**
     * The newest checkpoint of chain {@code chainId} with a valid signature, or empty when the topic has none or
     * cannot be read in time.
     */
    public Optional<Checkpoint> latest(String chainId) {
        Map<String, Object> props = new HashMap<>();
        kafka.forEach((k, v) -> {
            if (!k.startsWith("group.") && !k.endsWith(".deserializer")) {
                props.put(k, v);
            }
        });
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Duration timeout = config.audit().checkpointReadTimeout();
        String topic = prefix.orElse("") + Topics.AUDIT_CHECKPOINTS;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return Optional.empty();
            }
            List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(tps);
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps, timeout);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : tps) {
                long end = ends.getOrDefault(tp, 0L);
                long begin = consumer.beginningOffsets(List.of(tp), timeout).getOrDefault(tp, 0L);
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
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() + 1 >= remaining.getOrDefault(tp, Long.MAX_VALUE)) {
                        remaining.remove(tp);
                    }
                }
            }
            return found.stream().max((a, b) -> Long.compare(a.sequence(), b.sequence()));
        } catch (RuntimeException e) {
            LOG.warnf("audit checkpoint topic %s not readable: %s", topic, e.getClass().getSimpleName());
            return Optional.empty();
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
