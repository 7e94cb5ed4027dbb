package io.wem.coaching.client;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drift guard: coaching must wait for the guardrail longer than wellbeing may take to catch up before answering
 * (its {@code guardrail-catch-up-timeout} default, read from wellbeing's source), or every answer given after a
 * catch-up is lost and the breaker opens (the demo of 2026-12-04).
 */
class GuardrailTimeoutTest {

    @Test
    void coachingWaitsLongerThanWellbeingsCatchUp() throws Exception {
        String config = Files.readString(Path.of("..", "wellbeing-service", "src", "main", "java", "io", "wem",
                "wellbeing", "config", "WellbeingConfig.java"));
        Matcher m = Pattern.compile("@WithDefault\\(\"(\\d+)s\"\\)\\s+Duration guardrailCatchUpTimeout").matcher(config);
        assertTrue(m.find(), "wellbeing's guardrail-catch-up-timeout default not found");
        Duration catchUp = Duration.ofSeconds(Long.parseLong(m.group(1)));

        Timeout t = Guardrails.class.getMethod("evaluate", io.wem.common.contracts.GuardrailEvaluationRequest.class)
                .getAnnotation(Timeout.class);
        Duration timeout = Duration.of(t.value(), t.unit());
        assertTrue(timeout.compareTo(catchUp.plusSeconds(1)) >= 0, timeout + " vs catch-up " + catchUp);

        String props = Files.readString(Path.of("src", "main", "resources", "application.properties"));
        Matcher r = Pattern.compile("(?m)^quarkus\\.rest-client\\.wellbeing\\.read-timeout=(\\d+)").matcher(props);
        assertTrue(r.find());
        Duration read = Duration.of(Long.parseLong(r.group(1)), ChronoUnit.MILLIS);
        assertTrue(read.compareTo(catchUp) > 0 && read.compareTo(timeout) <= 0, "read timeout " + read);
    }
}
