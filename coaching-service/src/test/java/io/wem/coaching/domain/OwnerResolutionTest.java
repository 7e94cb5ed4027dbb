package io.wem.coaching.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnerResolutionTest {

    @Test
    void theLeastLoadedCandidateOwnsTiesByName() {
        OwnerResolution.Owner o = OwnerResolution.resolve(OwnerRole.COACH, "t1", List.of("zoe", "ann", "bob"),
                Map.of("ann", 3, "bob", 1, "zoe", 1));
        assertEquals("bob", o.person());
        assertEquals("coach:t1:bob", o.ownerKey());
    }

    @Test
    void nobodyAssignedIsAVisibleQueueNotAPerson() {
        OwnerResolution.Owner o = OwnerResolution.resolve(OwnerRole.TRAINER, "hx-north", List.of(), Map.of());
        assertTrue(o.unassigned());
        assertNull(o.person());
        assertEquals("UNASSIGNED", o.display());
        assertEquals("trainer:hx-north", o.ownerKey());
    }
}
