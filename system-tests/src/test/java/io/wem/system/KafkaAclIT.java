package io.wem.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker's half of the trust boundary: every client must log in, and each principal may only touch the topics
 * deploy/kafka/acls.txt gives it. Each case is an attack that a PLAINTEXT broker without ACLs (the stack before
 * SASL) let through: an integrator's credentials, or a compromised service's, commanding a purge or writing audit
 * evidence.
 */
class KafkaAclIT {

    @BeforeAll
    static void stackIsUp() {
        Stack.awaitAllReady(Duration.ofMinutes(2));
    }

    static Properties as(String principal) {
        return KafkaTool.as(principal, principal + "-kafka-local");
    }

    /** Sends one record and returns what the broker answered: null when it was accepted. */
    static Throwable send(Properties client, String logicalTopic) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(KafkaTool.physical(logicalTopic), "agent-acl-probe",
                    "{\"probe\":\"" + RunIds.RUN + "\"}")).get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (KafkaException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    @Test
    void anIntegratorMayPushSignalsButNeverCommandAPurgeOrWriteAuditEvidence() {
        assertDoesNotThrow(() -> {
            Throwable t = send(as("wem-integration"), "wem.signal.signals.v1");
            if (t != null) {
                throw new AssertionError("the integrator could not push a signal", t);
            }
        });
        for (String topic : List.of("wem.governance.purge-commands.v1", "wem.governance.audit-events.v1",
                "wem.governance.purge-results.v1", "wem.signal.gaps.v1")) {
            Throwable refused = send(as("wem-integration"), topic);
            assertInstanceOf(AuthorizationException.class, refused, "wem-integration wrote " + topic);
        }
    }

    @Test
    void onlyGovernanceMayCommandAPurge() {
        for (String service : List.of("signal-service", "coaching-service", "wellbeing-service")) {
            Throwable refused = send(as(service), "wem.governance.purge-commands.v1");
            assertInstanceOf(AuthorizationException.class, refused, service + " wrote a purge command");
        }
        // another service's dead-letter topic is not a back door either
        assertInstanceOf(AuthorizationException.class, send(as("signal-service"), "wem.dlq.coaching-service.gaps.v1"));
    }

    @Test
    void anIntegratorCannotReadTheAuditTrail() {
        Properties p = as("wem-integration");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "wem-integration-" + RunIds.next("acl"));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(KafkaTool.physical("wem.governance.audit-events.v1")));
            assertThrows(AuthorizationException.class, () -> {
                for (int i = 0; i < 20; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            });
        }
    }

    @Test
    void noLoginNoAccess() {
        // Admin calls surface the broker's answer to the login itself (a producer only times out waiting for metadata).
        Throwable wrongPassword = clusterCall(KafkaTool.as("wem-integration", "not-the-password"));
        assertInstanceOf(SaslAuthenticationException.class, wrongPassword);

        Properties plaintext = new Properties();
        plaintext.put("bootstrap.servers", KafkaTool.bootstrap());
        assertTrue(clusterCall(plaintext) != null, "a client without SASL got an answer from the broker");
        assertTrue(send(plaintext, "wem.signal.signals.v1") != null, "a client without SASL could write the ingest topic");
    }

    /** Lists the topics with the given client settings; returns what failed, or null. */
    static Throwable clusterCall(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(p)) {
            admin.listTopics().names().get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}
