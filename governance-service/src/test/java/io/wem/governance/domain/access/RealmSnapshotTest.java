package io.wem.governance.domain.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RealmSnapshotTest {
    private static final Instant READ = Instant.parse("2026-12-04T10:00:00Z");
    private final RealmSnapshot snapshot = new RealmSnapshot(READ, List.of(), true);

    @Test
    void usableUpToItsMaxAgeAndNotAfter() {
        assertTrue(snapshot.usableAt(READ, Duration.ofSeconds(15)));
        assertTrue(snapshot.usableAt(READ.plusSeconds(15), Duration.ofSeconds(15)));
        assertFalse(snapshot.usableAt(READ.plusSeconds(15).plusMillis(1), Duration.ofSeconds(15)));
    }

    @Test
    void aZeroMaxAgeNeverReusesAndAClockThatWentBackDoesNotEither() {
        assertFalse(snapshot.usableAt(READ.plusMillis(1), Duration.ZERO));
        assertFalse(snapshot.usableAt(READ.minusSeconds(1), Duration.ofMinutes(5)));
    }
}
