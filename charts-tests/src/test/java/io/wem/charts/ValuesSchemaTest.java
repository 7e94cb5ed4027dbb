package io.wem.charts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** values.schema.json rejects broken values before anything is rendered, with a message that names the value. */
class ValuesSchemaTest {

    private static String rejected(String valuesYaml) throws IOException {
        Path file = Files.createTempFile("wem-values", ".yaml");
        try {
            Files.writeString(file, valuesYaml);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Chart.template(file, Map.of()), "accepted:\n" + valuesYaml);
            return e.getMessage();
        } finally {
            Files.delete(file);
        }
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "message lacks '" + part + "': " + message);
        }
    }

    @Test
    void aStringForReplicasIsRejected() throws IOException {
        String m = rejected("services:\n  signal:\n    replicaCount: \"3\"\n");
        assertMentions(m, "values don't meet the specifications of the schema", "/services/signal/replicaCount", "got string, want integer");
    }

    @Test
    void anUnknownKeyIsRejected() throws IOException {
        assertMentions(rejected("services:\n  signal:\n    replicas: 3\n"), "replicas", "additional properties");
        assertMentions(rejected("kafka:\n  bootstrapServer: kafka:9092\n"), "bootstrapServer", "additional properties");
    }

    @Test
    void aMissingKafkaAddressIsRejected() throws IOException {
        // null removes the default, as a platform team "unsetting" it would.
        assertMentions(rejected("kafka:\n  bootstrapServers: null\n"), "kafka", "bootstrapServers", "missing property");
        assertMentions(rejected("kafka:\n  bootstrapServers: \"\"\n"), "kafka.bootstrapServers is required");
        assertMentions(rejected("kafka:\n  bootstrapServers: kafka-without-port\n"), "/kafka/bootstrapServers");
    }

    @Test
    void otherBrokenValuesAreRejected() throws IOException {
        assertMentions(rejected("keycloak:\n  issuerUrl: https://sso.example.com/auth\n"), "/keycloak/issuerUrl");
        assertMentions(rejected("kafka:\n  securityProtocol: TLS\n"), "/kafka/securityProtocol");
        assertMentions(rejected("migrations:\n  mode: sometimes\n"), "/migrations/mode");
        assertMentions(rejected("services:\n  wellbeing:\n    oidc:\n      secret: x\n"), "secret", "additional properties");
        assertMentions(rejected("services:\n  coaching:\n    resources:\n      requests: {cpu: 1}\n      limits: null\n"),
                "limits");
        assertMentions(rejected("services:\n  signal:\n    database:\n      jdbcUrl: postgres://db/wem\n"),
                "/services/signal/database/jdbcUrl");
    }

    /** The three values without which nothing can work, set as the ci files set them. */
    private static final String REQUIRED = """
            kafka: {bootstrapServers: "kafka-0.brokers.svc:9092,kafka-1.brokers.svc:9092"}
            postgresql: {host: pg.databases.svc}
            keycloak: {issuerUrl: "https://login.example.org/realms/wem"}
            """;

    @Test
    void renderTimeChecksNameTheMissingSecret() throws IOException {
        assertMentions(rejected(REQUIRED.replace("kafka: {", "kafka: {securityProtocol: SASL_SSL, ")),
                "kafka.securityProtocol SASL_* needs each service's JAAS Secret");
        assertMentions(rejected(REQUIRED.replace("kafka: {", "kafka: {securityProtocol: SSL, ")),
                "kafka.tls.truststore.existingSecret is required");
    }

    @Test
    void kafkaPostgresqlAndKeycloakAreRequiredWithAMessageThatSaysWhat() throws IOException {
        assertMentions(rejected(""), "kafka.bootstrapServers is required", "host:port");
        assertMentions(rejected(REQUIRED.replace("pg.databases.svc", "\"\"")), "postgresql.host is required",
                "database.jdbcUrl");
        assertMentions(rejected(REQUIRED.replace("\"https://login.example.org/realms/wem\"", "\"\"")),
                "keycloak.issuerUrl is required", "realms/wem");
        assertMentions(rejected(REQUIRED.replace("\"kafka-0.brokers.svc:9092,kafka-1.brokers.svc:9092\"", "\"\"")),
                "kafka.bootstrapServers is required");
    }

    @Test
    void postgresqlHostIsNotNeededWhenEveryServiceHasItsOwnJdbcUrl() throws IOException {
        StringBuilder values = new StringBuilder(REQUIRED.replace("pg.databases.svc", "\"\"")).append("services:\n");
        for (String key : Chart.SERVICES) {
            values.append("  ").append(key).append(":\n    database: {jdbcUrl: \"jdbc:postgresql://db-")
                    .append(key).append(".example.org:5432/wem_").append(key).append("\"}\n");
        }
        Path file = Files.createTempFile("wem-values", ".yaml");
        Files.writeString(file, values.toString());
        String out = Chart.template(file, Map.of());
        assertTrue(out.contains("jdbc:postgresql://db-governance.example.org:5432/wem_governance"), out);
        Files.delete(file);
        String oneMissing = values.toString().replace(
                "    database: {jdbcUrl: \"jdbc:postgresql://db-wellbeing.example.org:5432/wem_wellbeing\"}\n", "    replicaCount: 3\n");
        assertMentions(rejected(oneMissing), "postgresql.host is required", "services.wellbeing.database.jdbcUrl");
    }
}
