package io.wem.testing;

import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Talks to the real broker the way other services would, on the test topic prefix ("test-").
 */
public final class TestKafka {
    public static final String BOOTSTRAP = System.getProperty("kafka.bootstrap.servers",
            System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    /** Matches {@code %test.wem.kafka.topic-prefix}: "test-" unless WEM_TEST_TOPIC_PREFIX gives a run its own namespace. */
    public static final String PREFIX = System.getenv().getOrDefault("WEM_TEST_TOPIC_PREFIX", "test-");

    private TestKafka() {
    }

    /**
     * The tests' own principal ("wem-tests": anything on "test-" topics and groups, nothing else); the local broker
     * requires SASL/SCRAM. {@code WEM_KAFKA_TESTS_PASSWORD} overrides the local stack's password.
     */
    static Properties client() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"wem-tests\" "
                + "password=\"" + System.getenv().getOrDefault("WEM_KAFKA_TESTS_PASSWORD", "wem-tests-kafka-local") + "\";");
        return p;
    }

    public static void send(String logicalTopic, String key, String value) {
        Properties p = client();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(PREFIX + logicalTopic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + logicalTopic, e);
        }
    }

    public static void send(String logicalTopic, String key, EventEnvelope event) {
        send(logicalTopic, key, Events.toJson(event));
    }

    /** Sends the envelope signed with the local key of its source, as that service's outbox would. */
    public static void sendSigned(String logicalTopic, String key, EventEnvelope event) {
        send(logicalTopic, key, TestSigning.signed(event));
    }

    /** A consumer positioned at the end of the topic now, so only records produced after this call are seen. */
    public static Reader reader(String logicalTopic) {
        return new Reader(PREFIX + logicalTopic);
    }

    public static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        Reader(String topic) {
            Properties p = client();
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(p);
            consumer.subscribe(List.of(topic));
            Instant until = Instant.now().plusSeconds(20);
            while (consumer.assignment().isEmpty() && Instant.now().isBefore(until)) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
        }

        /** Waits up to {@code timeout} for a record matching {@code match}; returns it or null. */
        public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
            for (ConsumerRecord<String, String> r : seen) {
                if (match.test(r)) {
                    return r;
                }
            }
            Instant until = Instant.now().plus(timeout);
            while (Instant.now().isBefore(until)) {
                int from = seen.size();
                // Keep the whole batch so later awaits still find records that came with this one.
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                for (int i = from; i < seen.size(); i++) {
                    if (match.test(seen.get(i))) {
                        return seen.get(i);
                    }
                }
            }
            return null;
        }

        public List<ConsumerRecord<String, String>> seen() {
            return seen;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
