package io.wem.governance;

import io.quarkus.test.junit.QuarkusTest;
import io.wem.testing.ContractFuzz;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzz of every write operation of the stored OpenAPI document (at most 40 s; every operation at least once):
 * no 5xx but 503, every 4xx problem+json (ContractFuzz.assertContractHolds).
 */
@QuarkusTest
class ContractFuzzTest {

    @Test
    void noWriteOperationAnswers5xxOrAnErrorThatIsNotProblemJson() throws Exception {
        ContractFuzz.assertContractHolds(40_000, SKIP);
    }

    // retention/purges has suite-wide effects on other tests' data (not input handling)
    private static final Set<String> SKIP = Set.of("POST /api/v1/retention/purges");
}
