package io.wem.governance.domain.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainTest {

    static List<AuditRecord> chain(int n, long firstSeq, String prev) {
        List<AuditRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AuditRecord r = new AuditRecord(firstSeq + i, "a-" + i, "signal-service", "sup1", List.of("supervisor"),
                    "agent-" + i, "READ", "signal-service:gaps", "coaching", "SUCCESS",
                    Instant.parse("2026-01-01T10:00:00.123456789Z").plusSeconds(i), null,
                    Instant.parse("2026-01-01T10:00:01Z").plusSeconds(i), prev, null);
            String h = AuditChain.hash(r, prev);
            r = with(r, r.purpose(), prev, h);
            out.add(r);
            prev = h;
        }
        return out;
    }

    static AuditRecord with(AuditRecord r, String purpose, String prev, String hash) {
        return new AuditRecord(r.sequence(), r.auditId(), r.service(), r.actor(), r.actorRoles(), r.subject(),
                r.action(), r.resource(), purpose, r.outcome(), r.occurredAt(), r.traceId(), r.recordedAt(), prev, hash);
    }

    @Test
    void intactChainVerifies() {
        AuditChain.Verification v = AuditChain.verify(chain(5, 1, AuditChain.GENESIS), null, null);
        assertTrue(v.valid());
        assertEquals(5, v.entries());
    }

    @Test
    void changedFieldIsNamed() {
        List<AuditRecord> c = chain(5, 1, AuditChain.GENESIS);
        c.set(2, with(c.get(2), "curiosity", c.get(2).prevHash(), c.get(2).hash()));
        AuditChain.Verification v = AuditChain.verify(c, null, null);
        assertFalse(v.valid());
        assertEquals(3L, v.firstBrokenSequence());
    }

    @Test
    void rehashedEntryBreaksTheNextLink() {
        List<AuditRecord> c = chain(5, 1, AuditChain.GENESIS);
        AuditRecord forged = with(c.get(2), "curiosity", c.get(2).prevHash(), null);
        forged = with(forged, "curiosity", forged.prevHash(), AuditChain.hash(forged, forged.prevHash()));
        c.set(2, forged);
        assertEquals(4L, AuditChain.verify(c, null, null).firstBrokenSequence());
    }

    @Test
    void removedEntryIsAGap() {
        List<AuditRecord> c = chain(5, 1, AuditChain.GENESIS);
        c.remove(1);
        assertEquals(3L, AuditChain.verify(c, null, null).firstBrokenSequence());
    }

    @Test
    void verificationStartsAtThePurgeAnchor() {
        List<AuditRecord> all = chain(6, 1, AuditChain.GENESIS);
        List<AuditRecord> rest = all.subList(3, 6);
        assertTrue(AuditChain.verify(rest, all.get(2).hash(), 3L).valid());
        assertFalse(AuditChain.verify(rest, null, null).valid());
    }

    @Test
    void hashCoversEveryFieldAndIgnoresSubMicroTime() {
        AuditRecord r = chain(1, 1, AuditChain.GENESIS).get(0);
        AuditRecord sameMicros = new AuditRecord(r.sequence(), r.auditId(), r.service(), r.actor(), r.actorRoles(),
                r.subject(), r.action(), r.resource(), r.purpose(), r.outcome(),
                Instant.parse("2026-01-01T10:00:00.123456Z"), r.traceId(), r.recordedAt(), r.prevHash(), null);
        assertEquals(r.hash(), AuditChain.hash(sameMicros, r.prevHash()));
        AuditRecord otherSubject = new AuditRecord(r.sequence(), r.auditId(), r.service(), r.actor(), r.actorRoles(),
                "agent-x", r.action(), r.resource(), r.purpose(), r.outcome(), r.occurredAt(), r.traceId(),
                r.recordedAt(), r.prevHash(), null);
        assertNotEquals(r.hash(), AuditChain.hash(otherSubject, r.prevHash()));
    }
}
