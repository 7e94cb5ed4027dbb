package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The configuration names the chart sets and the names the services read cannot drift apart.
 * <ul>
 * <li>chart to services: every environment variable the chart sets is the MicroProfile env-var form of a key in the
 * service's application.properties or wem-common's microprofile-config.properties (or an env var those files
 * reference as ${NAME:default}), a Kafka client setting (KAFKA_X_Y becomes x.y for every channel), or one of the
 * few framework/image names listed below with their reason;</li>
 * <li>services to chart: every key whose default points at this machine (127.0.0.1/localhost) or holds a
 * password/secret is overridden by the chart, so a new local default can never leak into a cluster.</li>
 * </ul>
 */
class ConfigDriftTest {

    /** Names the services read that are not in their properties files, each with the reason it exists. */
    private static final Map<String, String> KNOWN_NAMES = Map.of(
            "QUARKUS_INIT_AND_EXIT", "quarkus.init-and-exit (Quarkus core): the migration Job runs Flyway and exits",
            "JAVA_OPTS_APPEND", "read by run-java.sh of the UBI OpenJDK runtime image (Dockerfile.jvm)");

    /**
     * Cross-service keys named in the suite's design (issue 7) that a service reads once its REST client or config
     * mapping lands. Tolerated only while the service defines no key of the same family at all (then the chart's
     * value is simply unused); once the family exists, the exact key must exist too.
     */
    private static final Map<String, String> CONTRACT_FAMILIES = Map.of(
            "quarkus.rest-client.governance.url", "quarkus.rest-client.",
            "quarkus.rest-client.signal.url", "quarkus.rest-client.",
            "quarkus.rest-client.wellbeing.url", "quarkus.rest-client.",
            "wem.governance.services.signal-url", "wem.governance.services.",
            "wem.governance.services.coaching-url", "wem.governance.services.",
            "wem.governance.services.wellbeing-url", "wem.governance.services.",
            "wem.governance.keycloak.admin-url", "wem.governance.keycloak.");

    /** quarkus.oidc.client-id vs quarkus.oidc-client.id: one env name, two keys (quarkusio/quarkus#47232). */
    private static final String AMBIGUOUS_PREFIX = "QUARKUS_OIDC_CLIENT_";

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    /** MicroProfile Config's env-var form of a property name (a profile prefix such as %prod. is not part of it). */
    static String envName(String key) {
        String bare = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
        return bare.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private record ServiceConfig(Map<String, String> properties, Set<String> referencedEnv) {
    }

    private static ServiceConfig config(String key) {
        Map<String, String> props = new TreeMap<>();
        load(Chart.ROOT.resolve("wem-common/src/main/resources/META-INF/microprofile-config.properties"), props);
        load(Chart.ROOT.resolve(key + "-service/src/main/resources/application.properties"), props);
        Set<String> referenced = new TreeSet<>();
        props.values().forEach(v -> {
            Matcher m = ENV_REFERENCE.matcher(v);
            while (m.find()) {
                referenced.add(m.group(1));
            }
        });
        return new ServiceConfig(props, referenced);
    }

    /** Keys as written (a %prod. key and its plain form both stay), except test-only ones (%test.). */
    private static void load(Path file, Map<String, String> into) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.stringPropertyNames().forEach(k -> {
            if (k.startsWith("%test.")) {
                return;
            }
            into.put(k, p.getProperty(k));
        });
    }

    /** Env names the chart sets for a service, over every ci scenario (Deployments and migration Jobs). */
    private static Map<String, String> chartEnv(String key) {
        Map<String, String> env = new TreeMap<>();
        for (Path scenario : Chart.ciValuesFiles()) {
            List<JsonNode> docs = Chart.renderWithHooks(scenario);
            List<JsonNode> workloads = new ArrayList<>(Chart.ofKind(docs, "Deployment"));
            workloads.addAll(Chart.ofKind(docs, "Job"));
            for (JsonNode w : workloads) {
                if (!(key + "-service").equals(w.at("/metadata/labels/app.kubernetes.io~1component").asText())
                        && !(key + "-migrations").equals(w.at("/metadata/labels/app.kubernetes.io~1component").asText())) {
                    continue;
                }
                for (JsonNode c : Chart.containers(w)) {
                    c.path("env").forEach(e -> env.putIfAbsent(e.path("name").asText(), scenario.getFileName().toString()));
                }
            }
        }
        return env;
    }

    private static boolean isKafkaClientSetting(String env) {
        if (!env.startsWith("KAFKA_")) {
            return false;
        }
        // Quarkus' Kafka config producer: lower case, "_" -> "." (KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config).
        String name = env.substring("KAFKA_".length()).toLowerCase().replace('_', '.');
        return ProducerConfig.configNames().contains(name) && ConsumerConfig.configNames().contains(name);
    }

    @Test
    void everyNameTheChartSetsIsReadByTheService() {
        List<String> problems = new ArrayList<>();
        for (String key : Chart.SERVICES) {
            ServiceConfig cfg = config(key);
            Map<String, String> byEnv = new LinkedHashMap<>();
            cfg.properties().keySet().forEach(k -> byEnv.put(envName(k), k));
            for (Map.Entry<String, String> e : chartEnv(key).entrySet()) {
                String env = e.getKey();
                if (env.startsWith(AMBIGUOUS_PREFIX)) {
                    problems.add(key + ": " + env + " is ambiguous (quarkus.oidc.* vs quarkus.oidc-client.*); "
                            + "reference a WEM_* variable from application.properties instead");
                } else if (!byEnv.containsKey(env) && !cfg.referencedEnv().contains(env) && !KNOWN_NAMES.containsKey(env)
                        && !isKafkaClientSetting(env) && !awaitedContractKey(cfg, env)) {
                    problems.add(key + ": the chart sets " + env + " (" + e.getValue() + ") but " + key
                            + "-service has no such key in application.properties or wem-common");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyLocalDefaultAndEverySecretIsOverriddenByTheChart() {
        List<String> problems = new ArrayList<>();
        for (String key : Chart.SERVICES) {
            ServiceConfig cfg = config(key);
            Set<String> env = chartEnv(key).keySet();
            cfg.properties().forEach((k, v) -> {
                boolean local = v.contains("127.0.0.1") || v.contains("localhost");
                boolean secret = k.contains("password") || k.contains("secret");
                if (!local && !secret) {
                    return;
                }
                boolean overridden = env.contains(envName(k));
                Matcher m = ENV_REFERENCE.matcher(v);
                while (m.find()) {
                    overridden |= env.contains(m.group(1));
                }
                if (!overridden) {
                    problems.add(key + "-service: " + k + "=" + v + " is a " + (secret ? "secret" : "local default")
                            + " that the chart does not override (set " + envName(k) + " in charts/wem/templates/_env.tpl)");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void contractKeysAwaitingTheirService() {
        List<String> awaited = new ArrayList<>();
        for (String key : Chart.SERVICES) {
            ServiceConfig cfg = config(key);
            chartEnv(key).keySet().stream().filter(env -> awaitedContractKey(cfg, env))
                    .forEach(env -> awaited.add(key + "-service: " + env));
        }
        // Visible as "skipped" with the list while a service has not landed its client yet; passes once all exist.
        Assumptions.assumeTrue(awaited.isEmpty(), () -> "set by the chart, not read yet: " + awaited);
    }

    @Test
    void envNameFollowsMicroProfileRules() {
        assertEquals("QUARKUS_DATASOURCE_JDBC_URL", envName("quarkus.datasource.jdbc.url"));
        assertEquals("WEM_GOVERNANCE_SERVICES_SIGNAL_URL", envName("wem.governance.services.signal-url"));
        assertEquals("QUARKUS_OIDC_CLIENT_ID", envName("quarkus.oidc.client-id"));
        assertEquals("QUARKUS_OIDC_CLIENT_ID", envName("quarkus.oidc-client.id"));
        assertEquals("QUARKUS_LOG_CONSOLE_JSON_ENABLED", envName("%prod.quarkus.log.console.json.enabled"));
        assertEquals(true, isKafkaClientSetting("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertEquals(false, isKafkaClientSetting("KAFKA_SSL_TRUSTSTORE_LOCATIONS"));
    }

    private static boolean awaitedContractKey(ServiceConfig cfg, String env) {
        for (Map.Entry<String, String> c : CONTRACT_FAMILIES.entrySet()) {
            if (envName(c.getKey()).equals(env)) {
                String family = c.getValue();
                return cfg.properties().keySet().stream().noneMatch(k -> k.startsWith(family) || k.contains("." + family));
            }
        }
        return false;
    }
}
