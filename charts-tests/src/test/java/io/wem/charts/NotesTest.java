package io.wem.charts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NOTES.txt tells what was installed, which secrets the pods expect, and how to reach the OpenAPI documents. */
class NotesTest {

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), "NOTES lack '" + part + "':\n" + text);
    }

    @Test
    void minimalInstallNotes() {
        String notes = Chart.renderNotes(Chart.ci("minimal"));
        for (String key : Chart.SERVICES) {
            assertContains(notes, key + "-service");
            assertContains(notes, "database password in secret \"" + Chart.fullname(key) + "-db\"");
        }
        assertContains(notes, "client secret in \"wem-it-signal-oidc\"");
        assertContains(notes, "wem-kafka-bootstrap.kafka.svc:9092 (PLAINTEXT)");
        assertContains(notes, "9000/q/openapi");
        assertContains(notes, "9000/q/swagger-ui");
        assertContains(notes, "helm test " + Chart.RELEASE);
        assertContains(notes, "Flyway at each service's start");
        assertContains(notes, "networkPolicy.enabled is false");
        assertFalse(notes.contains("still the chart's example value"), notes);
    }

    @Test
    void productionNotesListIngressHostsAndExistingSecrets() {
        String notes = Chart.renderNotes(Chart.ci("production"));
        assertContains(notes, "https://signal.wem.example.com/api/v1/");
        assertFalse(notes.contains("wem.example.com/q/"), "NOTES must not point at /q/* through the Ingress: " + notes);
        assertContains(notes, "database password in secret \"wem-governance-db\"");
        assertContains(notes, "3-6 replicas, autoscaled");
        assertFalse(notes.contains("networkPolicy.enabled is false"), notes);
    }
}
