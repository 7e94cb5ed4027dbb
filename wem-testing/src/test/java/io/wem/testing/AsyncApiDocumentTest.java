package io.wem.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api/asyncapi.yaml against what the code and the deployment really do: channels = the topics the integration
 * principal may use (deploy/kafka/acls.txt), all in deploy/kafka/topics.txt and io.wem.common.events.Topics;
 * send/receive = WRITE/READ; event types from EventTypes; payload fields and types = the contract records';
 * the envelope = EventEnvelope; references into the OpenAPI baselines resolve.
 */
class AsyncApiDocumentTest {
    static final Path ROOT = Path.of("..");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode doc() throws IOException {
        return YAML.readTree(ROOT.resolve("docs/api/asyncapi.yaml").toFile());
    }

    /** topic → READ/WRITE of the wem-integration principal. */
    static Map<String, Set<String>> integrationAcls() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/kafka/acls.txt"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && f[0].equals("wem-integration") && f[2].equals("topic")) {
                out.computeIfAbsent(f[3], k -> new TreeSet<>()).addAll(Arrays.asList(f[1].split(",")));
            }
        }
        return out;
    }

    static Set<String> topicsTxt() throws IOException {
        return Files.readAllLines(ROOT.resolve("deploy/kafka/topics.txt")).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s+")[0])
                .collect(Collectors.toSet());
    }

    static Set<String> constants(Class<?> type) throws IllegalAccessException {
        Set<String> out = new HashSet<>();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                out.add((String) f.get(null));
            }
        }
        return out;
    }

    @Test
    void channelsAreExactlyTheTopicsAnIntegratorMayUse() throws Exception {
        JsonNode doc = doc();
        Map<String, Set<String>> acls = integrationAcls();
        assertFalse(acls.isEmpty(), "no wem-integration topic ACLs read");
        Map<String, Set<String>> documented = new TreeMap<>();
        Map<String, String> addressOf = new TreeMap<>();
        doc.path("channels").fields().forEachRemaining(e -> addressOf.put(e.getKey(), e.getValue().path("address").asText()));
        doc.path("operations").forEach(op -> {
            String channel = op.path("channel").path("$ref").asText().replace("#/channels/", "");
            String action = op.path("action").asText().equals("send") ? "WRITE" : "READ";
            documented.computeIfAbsent(addressOf.get(channel), k -> new TreeSet<>()).add(action);
        });
        assertEquals(acls, documented, "channels and send/receive of docs/api/asyncapi.yaml vs wem-integration's ACLs");
        Set<String> topics = topicsTxt();
        Set<String> constants = constants(Topics.class);
        for (String address : addressOf.values()) {
            assertTrue(topics.contains(address), address + " not in deploy/kafka/topics.txt");
            assertTrue(constants.contains(address), address + " not a constant of io.wem.common.events.Topics");
        }
        doc.path("channels").forEach(c -> {
            if (c.has("x-wem-dead-letter")) {
                assertTrue(topics.contains(c.get("x-wem-dead-letter").asText()), c.get("x-wem-dead-letter") + " unknown");
            }
        });
    }

    @Test
    void messagesCarryRealEventTypesAndTheEnvelope() throws Exception {
        JsonNode doc = doc();
        Set<String> types = constants(EventTypes.class);
        List<String> used = new ArrayList<>();
        doc.path("components").path("messages").forEach(m -> {
            String type = m.path("x-wem-event-type").asText();
            assertTrue(types.contains(type), type + " is not in EventTypes");
            assertEquals(type, m.path("payload").path("allOf").get(1).path("properties").path("type").path("const").asText());
            assertEquals("#/components/schemas/CloudEventsEnvelope", m.path("payload").path("allOf").get(0).path("$ref").asText());
            used.add(type);
        });
        doc.path("channels").forEach(c -> c.path("messages").forEach(ref ->
                assertFalse(doc.at(pointer(ref.path("$ref").asText())).isMissingNode(), ref + " does not resolve")));
        assertEquals(used.size(), new HashSet<>(used).size(), "an event type documented twice");
        JsonNode envelope = doc.path("components").path("schemas").path("CloudEventsEnvelope");
        assertEquals(components(EventEnvelope.class).keySet(), fieldNames(envelope.path("properties")));
        assertEquals(EventEnvelope.SPEC_VERSION, envelope.path("properties").path("specversion").path("const").asText());
    }

    @Test
    void payloadSchemasMatchTheContractRecords() throws Exception {
        JsonNode schemas = doc().path("components").path("schemas");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            JsonNode schema = it.next().getValue();
            if (!schema.has("x-java-type") || schema.path("x-java-type").asText().endsWith("EventEnvelope")) {
                continue;
            }
            Class<?> type = Class.forName(schema.path("x-java-type").asText());
            Map<String, Class<?>> fields = components(type);
            assertEquals(fields.keySet(), fieldNames(schema.path("properties")), type.getSimpleName() + " fields");
            fields.forEach((name, javaType) -> assertEquals(jsonType(javaType),
                    schema.path("properties").path(name).path("type").asText(), type.getSimpleName() + "." + name));
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            fields.forEach((name, javaType) -> assertEquals(javaType.isPrimitive(), required.contains(name),
                    type.getSimpleName() + "." + name + ": required exactly when it cannot be null"));
            checked++;
        }
        assertTrue(checked >= 5, "payload schemas checked: " + checked);
    }

    @Test
    void referencesIntoTheOpenApiBaselinesResolve() throws Exception {
        List<String> refs = new ArrayList<>();
        collectRefs(doc(), refs);
        int external = 0;
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                continue;
            }
            String[] parts = ref.split("#", 2);
            JsonNode target = JSON.readTree(ROOT.resolve("docs/api").resolve(parts[0]).toFile());
            assertFalse(target.at(pointer("#" + parts[1])).isMissingNode(), ref + " does not resolve");
            external++;
        }
        assertTrue(external > 0, "the signal payload refers to signal-service's OpenAPI schema");
    }

    static void collectRefs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, out));
        }
    }

    static String pointer(String ref) {
        return ref.substring(1);
    }

    static Set<String> fieldNames(JsonNode properties) {
        Set<String> out = new TreeSet<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static Map<String, Class<?>> components(Class<?> record) {
        Map<String, Class<?>> out = new TreeMap<>();
        Arrays.stream(record.getRecordComponents()).forEach((RecordComponent c) -> out.put(c.getName(), c.getType()));
        return out;
    }

    static String jsonType(Class<?> t) {
        if (t == String.class || t.isEnum() || t == Instant.class) {
            return "string";
        }
        if (t == int.class || t == long.class || t == Integer.class || t == Long.class) {
            return "integer";
        }
        if (t == double.class || t == Double.class || t == float.class) {
            return "number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "boolean";
        }
        if (List.class.isAssignableFrom(t) || Set.class.isAssignableFrom(t)) {
            return "array";
        }
        return "object";
    }
}
