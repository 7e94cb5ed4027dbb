package io.wem.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldFormTest {

    @Test
    void idsAreSplitOnCommasSpacesAndLinesAndDaysBecomeUtcMidnight() {
        HoldForm.Parsed p = HoldForm.parse("CASE-1", "why", " a-1,a-2\r\n a-3 ,, ", "", "2026-02-28", " ");
        assertNull(p.problem());
        assertEquals(Map.of("caseReference", "CASE-1", "reason", "why", "agentIds", List.of("a-1", "a-2", "a-3"),
                "interactionIds", List.of(), "from", "2026-02-28T00:00:00Z"), p.body());
    }

    @Test
    void nothingIsDecidedHereEmptyFieldsAreSentForGovernanceToRefuse() {
        HoldForm.Parsed p = HoldForm.parse(null, null, null, null, null, null);
        assertEquals(Map.of("caseReference", "", "reason", "", "agentIds", List.of(), "interactionIds", List.of()),
                p.body());
    }

    @Test
    void aDayThatIsNotADayNamesItsField() {
        assertEquals(new ReadableError.FieldError("from", "must be a day written as 2026-03-01"),
                HoldForm.parse("c", "r", "a", "", "2026-02-30", "").problem());
        assertEquals("to", HoldForm.parse("c", "r", "a", "", "", "tomorrow").problem().field());
    }
}
