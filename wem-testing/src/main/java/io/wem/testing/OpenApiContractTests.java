package io.wem.testing;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract tests every service runs on its stored OpenAPI document. A service's test extends this with
 * {@code @QuarkusTest} (the build of the test app writes target/openapi). The committed baseline is
 * docs/api/&lt;application name&gt;.openapi.json; refresh it on purpose with {@code -Dwem.openapi.update-baseline=true}.
 */
public abstract class OpenApiContractTests {

    @Test
    void swaggerParserAcceptsTheDocumentWithoutAMessage() {
        SwaggerParseResult result = OpenApiContract.parse(OpenApiContract.storedSpec());
        assertEquals(List.of(), result.getMessages(), "swagger-parser messages");
    }

    @Test
    void everyOperationIsDocumentedTheWayToolsNeed() {
        List<String> violations = OpenApiContract.violations(OpenApiContract.read(OpenApiContract.storedSpec()));
        assertEquals(List.of(), violations, violations.size() + " violations");
    }

    @Test
    void everyStringAndArrayOfARequestBodyIsCapped() {
        List<String> uncapped = OpenApiContract.uncappedInputs(OpenApiContract.read(OpenApiContract.storedSpec()));
        assertEquals(List.of(), uncapped, uncapped.size() + " uncapped inputs");
    }

    @Test
    void noBreakingChangeAgainstTheCommittedBaseline() throws IOException {
        Path spec = OpenApiContract.storedSpec();
        String app = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        Path baseline = Path.of("..", "docs", "api", app + ".openapi.json");
        if (Boolean.getBoolean("wem.openapi.update-baseline")) {
            Files.createDirectories(baseline.getParent());
            // The stored document as Quarkus wrote it (pretty JSON), so a reviewer reads the change in the diff.
            Files.copy(spec, baseline, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(Files.exists(baseline), baseline + " missing: run once with -Dwem.openapi.update-baseline=true");
        OpenAPI before = OpenApiContract.read(baseline);
        OpenAPI now = OpenApiContract.read(spec);
        List<String> breaking = OpenApiContract.breakingChanges(before, now);
        assertEquals(List.of(), breaking, "breaking changes against " + baseline
                + " (additive changes only within v1; if this break is intended, update the baseline on purpose)");
    }
}
