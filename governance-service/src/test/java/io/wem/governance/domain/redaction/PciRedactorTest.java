package io.wem.governance.domain.redaction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PciRedactorTest {
    private final PciRedactor redactor = new PciRedactor();

    @Test
    void redactsTypedPanWithOffsetsInTheOriginal() {
        String text = "card 4111-1111-1111-1111 ok";
        Redaction r = redactor.redact(text);
        assertEquals("card [PAN] ok", r.text());
        Finding f = r.findings().get(0);
        assertEquals(FindingType.PAN, f.type());
        assertEquals("4111-1111-1111-1111", text.substring(f.start(), f.end()));
        assertEquals(0.99, f.confidence());
    }

    @Test
    void keepLastFourShowsOnlyTheLastFourDigits() {
        Redaction r = redactor.redact("it's four one one one one one one one one one one one one one one one", true);
        assertEquals("it's [PAN ****1111]", r.text());
        r = redactor.redact("amex 3782 822463 10005", true);
        assertEquals("amex [PAN ****0005]", r.text());
    }

    @Test
    void understandsSpokenForms() {
        assertEquals("[PAN] on my visa",
                redactor.redact("forty one eleven, eleven eleven, eleven eleven, eleven eleven on my visa").text());
        assertEquals("card [PAN]", redactor.redact(
                "card four one one one double one double one triple one one one one one one").text());
        assertEquals("it is [PAN]", redactor.redact(
                "it is six oh one one uh one one one one 1111 one one one seven").text());
    }

    @Test
    void cvvAndExpiryOnlyWithContext() {
        assertEquals("expires [EXPIRY], security code [CVV]",
                redactor.redact("expires twelve twenty seven, security code seven three seven").text());
        assertEquals("valid thru [EXPIRY] cvv [CVV]", redactor.redact("valid thru 12/2027 cvv 0412").text());
        String plain = "we met on 12/27 in room 737";
        assertEquals(plain, redactor.redact(plain).text());
    }

    @Test
    void leavesNonCardNumbersAlone() {
        for (String text : List.of("ticket 4111111111111112 escalated", "call +1 555 123 4567",
                "at 1732550400000 ms", "total 4,111,111.11", "4111111111111112 fails Luhn",
                "order number 5555 5555 5555 4445", "ID A4111111111111112")) {
            assertTrue(redactor.find(text).isEmpty(), text);
        }
        // Fail closed: a Luhn-valid number in an issuer range is a card whatever the words around it say.
        for (String text : List.of("ticket 4111111111111111 escalated", "order number 5555 5555 5555 4444",
                "ID A4111111111111111")) {
            assertEquals(1, redactor.find(text).size(), text);
        }
    }

    @Test
    void findingsNeverCarryTheSecret() {
        Redaction r = redactor.redact("card 5555555555554444 exp 01/30 cvc 999");
        assertEquals(3, r.findings().size());
        String rendered = r.findings().toString() + r.text();
        assertFalse(rendered.contains("5555555555554444") || rendered.contains("4444") || rendered.contains("999"),
                rendered);
    }

    @Test
    void emptyAndLargeInputs() {
        assertEquals("", redactor.redact("").text());
        String big = "word ".repeat(100_000) + "card 4111111111111111";
        Redaction r = redactor.redact(big);
        assertEquals(1, r.findings().size());
        assertTrue(r.text().endsWith("card [PAN]"));
    }
}
