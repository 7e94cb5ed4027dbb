package io.wem.common.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeniedAccessFilterTest {

    @Test
    void onlyIdsTheLogCanHoldAreRecordedAsTheSubject() {
        assertTrue(DeniedAccessFilter.storableId("agent-north-01"));
        assertTrue(DeniedAccessFilter.storableId("ana.lopez@example.com"));
        assertTrue(DeniedAccessFilter.storableId("x".repeat(128)));
        assertFalse(DeniedAccessFilter.storableId("x".repeat(129)));
        assertFalse(DeniedAccessFilter.storableId("a\u0000b"));
        assertFalse(DeniedAccessFilter.storableId("a\r\nb"));
    }
}
