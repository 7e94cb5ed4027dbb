package io.wem.common.problem;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemMappersTest {

    enum State { OPEN, CLOSED }

    @Test
    void anUnexpectedFailureIsAProblemWithAnErrorIdAndNothingOfTheException() {
        Response r = new ProblemMappers().unexpected(new NullPointerException("jdbc:postgresql://secret-host/db"));
        assertEquals(500, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        Problem p = (Problem) r.getEntity();
        assertTrue(p.detail().contains("error id"), p.detail());
        assertFalse(p.detail().contains("secret-host"), p.detail());
        assertFalse(p.detail().contains("NullPointer"), p.detail());
    }

    @Test
    void anIllegalArgumentIsA400ThatDoesNotEchoItsMessage() {
        Response r = new ProblemMappers().illegalArgument(
                new IllegalArgumentException("No enum constant io.wem.secret.Internal.<script>"));
        assertEquals(400, r.getStatus());
        Problem p = (Problem) r.getEntity();
        assertFalse(p.detail().contains("io.wem"), p.detail());
        assertFalse(p.detail().contains("<script>"), p.detail());
    }

    @Test
    void parameterConversionProblemsAreNamedWithoutTheValue() {
        assertEquals("must be a 32-bit integer", BadParameters.conversionProblem(int.class, "2147483648"));
        assertNull(BadParameters.conversionProblem(int.class, "2147483647"));
        assertEquals("must be true or false", BadParameters.conversionProblem(boolean.class, "yes"));
        assertTrue(BadParameters.conversionProblem(State.class, "BOGUS").startsWith("must be one of"));
        assertNull(BadParameters.conversionProblem(State.class, "OPEN"));
        assertEquals("has an invalid format", BadParameters.conversionProblem(Instant.class, "yesterday"));
        assertNull(BadParameters.conversionProblem(String.class, "anything"));
    }
}
