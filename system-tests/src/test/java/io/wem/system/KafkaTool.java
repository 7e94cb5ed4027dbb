package io.wem.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/** The real broker of the local stack ({@code wem.kafka.bootstrap}, default 127.0.0.1:9092). */
public final class KafkaTool {

    private KafkaTool() {
    }

    public static String bootstrap() {
        return System.getProperty("wem.kafka.bootstrap", "127.0.0.1:9092");
    }

    /**
     * Connection settings of the system tests' raw clients. They act as the broker's admin principal (properties
     * {@code wem.kafka.username} / {@code wem.kafka.password}; the local stack's by default): scans read every topic,
     * and the fault and attack tests publish as a compromised service would, to show what the services themselves
     * refuse. What the broker refuses to each principal is {@code KafkaAclIT}'s subject, with {@link #as}.
     */
    static Properties client() {
        return as(System.getProperty("wem.kafka.username", "admin"),
                System.getProperty("wem.kafka.password", "admin-kafka-local"));
    }

    /** Client settings of a given principal (SASL/SCRAM-SHA-512, as the local broker requires). */
    public static Properties as(String principal, String password) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + principal + "\" password=\"" + password + "\";");
        return p;
    }

    /**
     * The broker's name of one of the suite's topics on the stack under test: {@code wem.signal.gaps.v1} is
     * {@code systest-wem.signal.gaps.v1} on {@code ./wem test}'s own stack ({@link SystemTestConfig#topicPrefix()}).
     */
    public static String physical(String topic) {
        String prefix = SystemTestConfig.topicPrefix();
        return topic.startsWith("wem.") ? prefix + topic : topic;
    }

    /**
     * The suite's topic names on the stack under test, without the stack's prefix (as topics.txt names them);
     * service tests' {@code test-} topics and other stacks' topics are left out.
     */
    public static Set<String> stackTopics() {
        Properties p = client();
        String prefix = SystemTestConfig.topicPrefix() + "wem.";
        try (Admin admin = Admin.create(p)) {
            Set<String> out = new TreeSet<>();
            for (String t : admin.listTopics().names().get()) {
                if (t.startsWith(prefix)) {
                    out.add(t.substring(SystemTestConfig.topicPrefix().length()));
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list topics on " + bootstrap() + ": " + e, e);
        }
    }

    /**
     * Reads a topic from the beginning to the end offsets taken when the read starts, with a fresh consumer group
     * (nothing committed), and hands each record's key and value to {@code sink}. Returns the record count.
     */
    public static long readAll(String logicalTopic, BiConsumer<String, String> sink) {
        String topic = physical(logicalTopic);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(20))) {
                parts.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            return drain(consumer, parts, sink);
        }
    }

    /** The end offsets of a topic now: with {@link #readSince}, what was appended after this moment. */
    public static Map<TopicPartition, Long> endOffsets(String logicalTopic) {
        String topic = physical(logicalTopic);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(20))) {
                parts.add(new TopicPartition(topic, info.partition()));
            }
            return consumer.endOffsets(parts, Duration.ofSeconds(20));
        }
    }

    /**
     * Reads what a topic received between {@code from} (offsets from {@link #endOffsets}) and its end offsets taken
     * when the read starts, handing each record's key and value to {@code sink}. Returns the record count.
     */
    public static long readSince(Map<TopicPartition, Long> from, BiConsumer<String, String> sink) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            List<TopicPartition> parts = new ArrayList<>(from.keySet());
            consumer.assign(parts);
            from.forEach(consumer::seek);
            return drain(consumer, parts, sink);
        }
    }

    /** Hands the records from the consumer's positions to the end offsets taken now to {@code sink}; their count. */
    private static long drain(KafkaConsumer<String, String> consumer, List<TopicPartition> parts,
                              BiConsumer<String, String> sink) {
        Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(20));
        long n = 0;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!reached(consumer, end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("reading " + parts + " did not reach its end offsets " + end);
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    sink.accept(r.key(), r.value());
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Properties consumerProps() {
        Properties p = client();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, RunIds.next("system-tests-scan"));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    /** A producer that waits for the broker (acks=all, idempotent) and retries through a broker restart. */
    public static KafkaProducer<String, String> producer() {
        Properties p = client();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    public static void send(KafkaProducer<String, String> producer, String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(physical(topic), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("send to " + topic + " failed: " + e, e);
        }
    }
}
