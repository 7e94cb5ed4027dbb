package io.wem.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadableErrorTest {

    @Test
    void aRefusedTransitionCarriesTheServersReason() {
        String s = ReadableError.describe("coaching-service", 409, "Illegal transition",
                "illegal transition FOLLOW_UP -> SCHEDULED", List.of());
        assertEquals("coaching-service refused the change: illegal transition FOLLOW_UP -> SCHEDULED", s);
    }

    @Test
    void fieldErrorsAreNamed() {
        String s = ReadableError.describe("coaching-service", 400, "Bad request", null,
                List.of(new ReadableError.FieldError("reason", "must not be blank")));
        assertTrue(s.contains("did not accept"), s);
        assertTrue(s.endsWith("reason: must not be blank"), s);
    }

    @Test
    void aForbiddenAnswerSaysWhoRefused() {
        String s = ReadableError.describe("signal-service", 403, "Forbidden", "agent-north-01 may not see agent-north-02",
                List.of());
        assertTrue(s.startsWith("You are not allowed"), s);
        assertTrue(s.contains("signal-service"), s);
    }

    @Test
    void anExpiredSessionDoesNotEchoTheServersText() {
        String s = ReadableError.describe("governance-service", 401, "Unauthorized", "token expired at 10:00", List.of());
        assertFalse(s.contains("token expired"), s);
        assertTrue(s.contains("sign in again"), s);
    }

    @Test
    void longOrMultiLineTextIsClippedToOneShortLine() {
        String junk = "line\n".repeat(200);
        String s = ReadableError.describe("wellbeing-service", 500, null, junk, List.of());
        assertFalse(s.contains("\n"));
        assertTrue(s.length() < 400, "length " + s.length());
        assertTrue(s.startsWith("wellbeing-service could not answer (500)"), s);
    }

    @Test
    void noBodyStillGivesASentence() {
        assertEquals("governance-service does not know this item",
                ReadableError.describe("governance-service", 404, null, "  ", null));
    }
}
