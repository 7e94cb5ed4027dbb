package io.wem.charts;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartLintTest {

    @Test
    void lintStrictIsClean() {
        LintResult result = Chart.helm().lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint --strict failed:\n" + String.join("\n", result.getMessages()));
        // Strict lint fails on warnings; INFO lines (e.g. "icon is recommended") are allowed, errors/warnings are not.
        assertTrue(result.getMessages().stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")),
                () -> String.join("\n", result.getMessages()));
    }
}
