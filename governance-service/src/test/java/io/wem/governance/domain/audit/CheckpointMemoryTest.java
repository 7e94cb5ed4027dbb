package io.wem.governance.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

class CheckpointMemoryTest {
    static final AuditKeys KEYS = new AuditKeys(1, Map.of(1, "k".repeat(40)));
    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    static final Duration AGE = Duration.ofSeconds(30);

    static Checkpoint at(String chain, long sequence) {
        return Checkpoint.sign(chain, sequence, "h" + sequence, T0, KEYS);
    }

    @Test
    void aReadWithinTheAllowedAgeIsAnsweredFromMemoryAndAnOlderOneIsNot() {
        CheckpointMemory m = new CheckpointMemory();
        assertTrue(m.fresh("c1", T0, AGE).isEmpty(), "nothing read yet");
        m.remember("c1", Optional.of(at("c1", 40)), T0);
        assertEquals(40, m.fresh("c1", T0.plusSeconds(30), AGE).orElseThrow().orElseThrow().sequence());
        assertTrue(m.fresh("c1", T0.plusSeconds(31), AGE).isEmpty(), "older than the allowed age");
        assertTrue(m.fresh("c1", T0, Duration.ZERO).isEmpty(), "an age of zero reads every time");
        assertTrue(m.fresh("c2", T0, AGE).isEmpty(), "another chain's read");
    }

    @Test
    void aTopicWithoutCheckpointsIsRememberedAsNone() {
        CheckpointMemory m = new CheckpointMemory();
        m.remember("c1", Optional.empty(), T0);
        assertEquals(Optional.of(Optional.empty()), m.fresh("c1", T0.plusSeconds(1), AGE));
    }

    /**
     * The attack: the topic's checkpoint records are deleted (or the topic made unreadable) after governance has seen
     * them, then the newest audit entries are removed. A read that now finds nothing, or an older checkpoint, must not
     * make the service forget the newest checkpoint it was shown.
     */
    @Test
    void aLaterReadShowingLessNeverMovesTheCheckpointBack() {
        CheckpointMemory m = new CheckpointMemory();
        m.remember("c1", Optional.of(at("c1", 120)), T0);
        assertEquals(120, m.remember("c1", Optional.empty(), T0.plusSeconds(10)).orElseThrow().sequence());
        assertEquals(120, m.remember("c1", Optional.of(at("c1", 80)), T0.plusSeconds(20)).orElseThrow().sequence());
        assertEquals(120, m.fresh("c1", T0.plusSeconds(25), AGE).orElseThrow().orElseThrow().sequence());
        assertEquals(150, m.remember("c1", Optional.of(at("c1", 150)), T0.plusSeconds(30)).orElseThrow().sequence());
    }

    @Test
    void anotherChainStartsFromItsOwnReads() {
        CheckpointMemory m = new CheckpointMemory();
        m.remember("c1", Optional.of(at("c1", 120)), T0);
        assertEquals(Optional.empty(), m.remember("c2", Optional.empty(), T0.plusSeconds(1)));
        assertEquals(5, m.remember("c2", Optional.of(at("c2", 5)), T0.plusSeconds(2)).orElseThrow().sequence());
    }
}
