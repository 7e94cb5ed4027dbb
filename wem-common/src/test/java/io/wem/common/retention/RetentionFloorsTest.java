package io.wem.common.retention;

import io.wem.common.contracts.DataClasses;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionFloorsTest {
    static final Instant NOW = Instant.parse("2026-12-04T07:00:00Z");

    @Test
    void everyDataClassHasAFloorWithALegalBasis() {
        for (String c : DataClasses.ALL) {
            assertNotNull(RetentionFloors.of(c), c);
            assertFalse(RetentionFloors.of(c).legalBasis().isBlank(), c);
        }
        assertNull(RetentionFloors.of("no-such-class"));
    }

    @Test
    void auditEventsAreKeptForYears() {
        RetentionFloors.Floor f = RetentionFloors.of(DataClasses.AUDIT_EVENT);
        assertFalse(f.permits(NOW.plusSeconds(1), NOW), "a future cutoff");
        assertFalse(f.permits(NOW.minusSeconds(1), NOW), "PT1S");
        assertFalse(f.permits(NOW.minus(Duration.ofDays(5 * 365)), NOW), "five years");
        assertTrue(f.permits(NOW.minus(Duration.ofDays(7 * 365)), NOW), "seven years");
    }
}
