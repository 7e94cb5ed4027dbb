package io.wem.signal.messaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFreeCopyTest {

    private static final String ENVELOPE = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"ccp\","
            + "\"type\":\"io.wem.signal.SignalReceived.v1\",\"time\":\"2026-12-04T07:30:00.123Z\",\"data\":{"
            + "\"eventId\":\"e-1\",\"kind\":\"transcript\",\"interactionId\":\"int-1\",\"agentId\":\"a-1\","
            + "\"text\":\"Customer: my card is 4111 1111 1111 1111\",\"note\":\"%s\",\"amount\":%s}}";

    @Test
    void theTextIsRemovedAndIdsStay() {
        String copy = TextFreeCopy.of(ENVELOPE.formatted("short", "12"));
        assertFalse(copy.contains("4111"), copy);
        assertTrue(copy.contains("\"text\":\"" + TextFreeCopy.REMOVED + "\""), copy);
        assertTrue(copy.contains("\"eventId\":\"e-1\"") && copy.contains("\"note\":\"short\""), copy);
        assertTrue(copy.contains("2026-12-04T07:30:00.123Z"), "timestamps are kept: " + copy);
    }

    @Test
    void cardNumbersHiddenInOtherFieldsAreRemovedTooTypedOrSpoken() {
        String copy = TextFreeCopy.of(ENVELOPE.formatted(
                "four one one one one one one one one one one one one one one one", "4111111111111111"));
        assertFalse(copy.contains("4111") || copy.contains("one one"), copy);
    }

    @Test
    void shortHarmlessValuesStayAsTheyAreAndOtherNonJsonIsDropped() {
        assertEquals("{not-json-42", TextFreeCopy.of("{not-json-42"));
        assertEquals("", TextFreeCopy.of("not json, card 4111 1111 1111 1111"));
        assertEquals("", TextFreeCopy.of("x".repeat(200)));
    }
}
