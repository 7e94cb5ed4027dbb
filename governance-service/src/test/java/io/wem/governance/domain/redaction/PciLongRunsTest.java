package io.wem.governance.domain.redaction;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Long runs of the letters read as digits must cost linear time: a text is redacted before it is stored, so a
 * quadratic scan is a way to stall governance with one request. The bound is generous (a linear pass over these
 * texts takes milliseconds); a quadratic one took minutes.
 */
class PciLongRunsTest {

    private final PciRedactor redactor = new PciRedactor();

    @Test
    void aLongRunOfLetterOAfterADigitIsLinear() {
        String text = "1" + "o".repeat(200_000) + " and 2" + "O".repeat(200_000);
        Redaction r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> redactor.redact(text));
        assertEquals(text.length() > 0, r.text() != null);
    }

    @Test
    void aLongRunOfLetterOBetweenSeparatedGroupsIsLinear() {
        String text = "4111 - " + "o".repeat(200_000) + " - 1111";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> redactor.redact(text));
    }

    @Test
    void aLongRunOfLetterOAloneIsLinear() {
        String text = "o".repeat(200_000) + " " + "O o ".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> redactor.redact(text));
    }

    @Test
    void otherLongShapesAreLinearToo() {
        for (String text : new String[] {
                "4".repeat(400_000),
                "one ".repeat(100_000),
                "4 1 ".repeat(100_000),
                "1-".repeat(200_000),
                "card ".repeat(50_000) + "4111 1111 1111 1111",
                "cvv ".repeat(50_000) + "123 ",
                "4111 1111 1111 1111 ".repeat(20_000),
                "uh ".repeat(100_000) + "4111 1111 1111 1111",
                "forty one ".repeat(50_000),
                "1o".repeat(200_000)}) {
            long t0 = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> redactor.redact(text), text.substring(0, 20));
            System.out.printf("%-24s %,d chars: %d ms%n", text.substring(0, 20).replace('\n', ' '), text.length(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
