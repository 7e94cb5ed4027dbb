package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Kafka principal per service with the ACLs of deploy/kafka/acls.txt (the local broker's), rendered as Strimzi
 * KafkaUsers; before, every service shared one JAAS Secret, so any service could command a purge.
 */
class KafkaPrincipalsTest {

    @Test
    void aclListCopyEqualsDeployKafkaAcls() throws IOException {
        assertArrayEquals(Files.readAllBytes(Chart.ROOT.resolve("deploy/kafka/acls.txt")),
                Files.readAllBytes(Chart.DIR.resolve("files/acls.txt")),
                "charts/wem/files/acls.txt differs: cp deploy/kafka/acls.txt charts/wem/files/");
    }

    /** principal → "Type:name:pattern" → operations, read from the rendered KafkaUsers. */
    static Map<String, Map<String, List<String>>> acls(List<JsonNode> docs) {
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        for (JsonNode user : Chart.ofKind(docs, "KafkaUser")) {
            Map<String, List<String>> rules = new TreeMap<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                List<String> ops = new ArrayList<>();
                acl.path("operations").forEach(o -> ops.add(o.asText()));
                rules.put(acl.at("/resource/type").asText() + ":" + acl.at("/resource/name").asText() + ":"
                        + acl.at("/resource/patternType").asText(), ops);
            }
            out.put(user.at("/metadata/name").asText(), rules);
            assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText());
        }
        return out;
    }

    @Test
    void eachServiceIsItsOwnPrincipalAndOnlyGovernanceMayCommandPurges() {
        List<JsonNode> docs = Chart.renderWithHooks(Chart.ci("kafka-users"));
        Map<String, Map<String, List<String>>> acls = acls(docs);
        assertEquals(List.of("coaching-service", "governance-service", "signal-service", "wellbeing-service",
                "wem-integration"), List.copyOf(acls.keySet()));
        assertEquals(List.of("Read", "Write", "Create"), acls.get("governance-service").get("topic:wem.governance.:prefix"));
        for (String svc : List.of("signal-service", "coaching-service", "wellbeing-service", "wem-integration")) {
            acls.get(svc).forEach((resource, ops) -> assertFalse(
                    resource.startsWith("topic:wem.governance.purge-commands") && ops.contains("Write"),
                    svc + " may write purge commands"));
        }
        assertEquals(List.of("Write"), acls.get("wem-integration").get("topic:wem.signal.signals.v1:literal"));
        assertTrue(acls.get("wem-integration").keySet().stream().noneMatch(r -> r.contains("audit")),
                "integrators must not touch the audit trail");
        for (String key : Chart.SERVICES) {
            JsonNode c = Chart.containers(Chart.named(docs, "Deployment", Chart.fullname(key))).get(0);
            String expected = key.equals("coaching") ? "wem-coaching-kafka-copied" : key + "-service";
            assertEquals(expected, Chart.env(c, "KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef/name").asText(), key);
        }
        for (JsonNode topic : Chart.ofKind(docs, "KafkaTopic")) {
            assertEquals("kafka", topic.at("/metadata/namespace").asText(), "kafka.topics.namespace");
        }
    }

    @Test
    void theTopicPrefixReachesTopicAndGroupAcls() {
        List<JsonNode> docs = Chart.parse(Chart.template(Chart.ci("kafka-users"),
                Map.of("kafka.topicPrefix", "eu1-", "kafka.users.principalPrefix", "eu1-")));
        Map<String, Map<String, List<String>>> acls = acls(docs);
        assertTrue(acls.containsKey("eu1-signal-service"), acls.keySet().toString());
        assertEquals(List.of("Read"), acls.get("eu1-signal-service").get("topic:eu1-wem.signal.signals.v1:literal"));
        assertEquals(List.of("Read"), acls.get("eu1-signal-service").get("group:eu1-signal-service:prefix"));
        JsonNode c = Chart.containers(Chart.named(docs, "Deployment", Chart.fullname("signal"))).get(0);
        assertEquals("eu1-signal-service", Chart.env(c, "KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef/name").asText());
    }
}
