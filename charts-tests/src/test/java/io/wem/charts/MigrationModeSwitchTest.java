package io.wem.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upgrade that switches migrations.mode with inline secrets: by Helm's rules a hook is not part of the release, so a
 * Secret that is a release resource in one mode and a hook in the other is deleted or refused (ownership) by the upgrade.
 */
class MigrationModeSwitchTest {

    private static final String HOOK = "/metadata/annotations/" + Chart.HOOK.replace("/", "~1");

    private static List<JsonNode> render(String mode) throws IOException {
        Path values = Files.createTempFile("mode-" + mode, "-values.yaml");
        // Inline values for every service, plus two nuisances: one existingSecret, one service without an OIDC secret.
        Files.writeString(values, Files.readString(Chart.ci("inline-secrets")) + """
                migrations: {mode: %s}
                """.formatted(mode));
        Path nuisance = Files.createTempFile("mode-" + mode + "-nuisance", "-values.yaml");
        Files.writeString(nuisance, Files.readString(values).replace(
                "database: {password: eval-wellbeing-db}", "database: {existingSecret: wellbeing-db-by-hand}")
                .replace("oidc: {clientSecret: eval-coaching-client}", "oidc: {clientSecret: \"\"}"));
        return Chart.renderWithHooks(nuisance);
    }

    /** The chart's release (non-hook) Secrets by name, with their data. */
    private static Map<String, JsonNode> releaseSecrets(List<JsonNode> docs) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode s : Chart.ofKind(docs, "Secret")) {
            if (s.at(HOOK).isMissingNode()) {
                out.put(s.at("/metadata/name").asText(), s.path("data"));
            }
        }
        return out;
    }

    @Test
    void theReleaseSecretsAreTheSameNormalResourcesInBothModes() throws IOException {
        List<JsonNode> atStart = render("atStart");
        List<JsonNode> job = render("job");
        Map<String, JsonNode> before = releaseSecrets(atStart);
        assertEquals(Chart.ofKind(atStart, "Secret").size(), before.size(), "no hook Secret in atStart mode");
        assertEquals(10, before.size(), "4 services x 3 inline values, minus the existingSecret and the empty one");
        assertEquals(before, releaseSecrets(job), "switching to job mode must keep every release Secret as it is");
    }

    @Test
    void eachMigrationJobReadsItsInlineValuesFromAnEarlierHookSecretOfItsOwn() throws IOException {
        List<JsonNode> docs = render("job");
        Map<String, JsonNode> release = releaseSecrets(docs);
        for (String key : Chart.SERVICES) {
            JsonNode job = Chart.named(docs, "Job", Chart.fullname(key) + "-migrate");
            int jobWeight = Integer.parseInt(job.at(HOOK + "-weight").asText());
            for (JsonNode env : Chart.containers(job).get(0).path("env")) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                if (ref.isMissingNode()) {
                    continue;
                }
                String name = ref.path("name").asText();
                assertFalse(release.containsKey(name), key + " Job reads release Secret " + name
                        + " that does not exist yet before the first install");
                Chart.ofKind(docs, "Secret").stream().filter(s -> name.equals(s.at("/metadata/name").asText()))
                        .findFirst().ifPresent(hookSecret -> {
                            assertTrue(hookSecret.at(HOOK).asText().contains("pre-install"), name);
                            assertTrue(Integer.parseInt(hookSecret.at(HOOK + "-weight").asText()) < jobWeight,
                                    name + " must be created before the Job");
                            assertTrue(hookSecret.at("/data/" + ref.path("key").asText()).isTextual(),
                                    name + " lacks key " + ref.path("key").asText());
                        });
            }
        }
        JsonNode hook = Chart.named(docs, "Secret", Chart.fullname("signal") + "-migrate");
        assertEquals(release.get(Chart.fullname("signal") + "-db").path("password"), hook.at("/data/password"),
                "the Job migrates with the same password as the service");
        assertTrue(hook.at(HOOK + "-delete-policy").asText().contains("hook-succeeded"),
                "the copy of the secret values does not outlive the migration");
        JsonNode wellbeingJob = Chart.containers(Chart.named(docs, "Job", Chart.fullname("wellbeing") + "-migrate")).get(0);
        assertEquals("wellbeing-db-by-hand",
                Chart.env(wellbeingJob, "QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
        JsonNode coachingJob = Chart.containers(Chart.named(docs, "Job", Chart.fullname("coaching") + "-migrate")).get(0);
        assertEquals(Chart.fullname("coaching") + "-oidc",
                Chart.env(coachingJob, "WEM_OIDC_CLIENT_SECRET").at("/valueFrom/secretKeyRef/name").asText(),
                "a value given neither inline nor as existingSecret keeps the default name the user creates");
    }
}
