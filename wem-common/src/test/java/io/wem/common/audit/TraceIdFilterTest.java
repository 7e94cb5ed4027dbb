package io.wem.common.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TraceIdFilterTest {

    @Test
    void aWellFormedTraceparentGivesItsTraceId() {
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736",
                TraceIdFilter.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    @Test
    void anythingElseIsIgnored() {
        for (String bad : new String[] {
                null, "", "garbage",
                "00-4bf92f3577b34da6a3ce929d0e0e4736",                               // too short
                "00-<script>alert(1)</script>aaaaaaaaaaaaaaa-00f067aa0ba902b7-01",   // not hex
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",            // upper case
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",            // all-zero trace id
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",            // all-zero parent id
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",            // forbidden version
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\nX: y"}) {
            assertNull(TraceIdFilter.traceIdOf(bad), String.valueOf(bad));
        }
    }
}
