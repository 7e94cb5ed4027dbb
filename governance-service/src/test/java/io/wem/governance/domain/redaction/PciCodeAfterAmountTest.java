package io.wem.governance.domain.redaction;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An amount said near a card must never end the search for its security code: the currency rule (an amount is not a
 * code) once stopped the search at the amount, so the code said after it stayed readable (fail open).
 */
class PciCodeAfterAmountTest {

    private final PciRedactor redactor = new PciRedactor();

    private void assertCodeGone(String text, String code) {
        Redaction r = redactor.redact(text);
        assertFalse(r.text().contains(code), "security code " + code + " readable in: " + r.text());
        // what matters is that the code is gone; "456 on the back" may be read as an expiry 4/56
        assertTrue(r.findings().stream().anyMatch(f -> f.type() == FindingType.CVV || f.type() == FindingType.EXPIRY),
                "no code found in: " + r.text());
    }

    @Test
    void aCodeAfterAnAmountAfterTheCard() {
        assertCodeGone("card 4111 1111 1111 1111 for 120 euros, code 321", "321");
        assertCodeGone("it's 4111 1111 1111 1111, charge 45 dollars, and the cvv is 987", "987");
        assertCodeGone("5500 0000 0000 0004 for 300 pounds and then 456 on the back", "456");
        assertCodeGone("card 4111 1111 1111 1111 for $120, code 321", "321");
        assertCodeGone("4111 1111 1111 1111, that's €45.50 today, cvv 987", "987");
        assertCodeGone("4111 1111 1111 1111 for £1,200 and 654", "654");
    }

    @Test
    void aCodeWordMakesTheNumberACodeWhateverFollowsIt() {
        assertCodeGone("the cvv is 321 dollars", "321");
        assertCodeGone("security code 654 euros", "654");
        assertCodeGone("card 4111 1111 1111 1111, code 321 dollars", "321");
    }

    @Test
    void amountsAloneStayReadable() {
        Redaction r = redactor.redact("your balance is 300 dollars and 91 cents, the refund of 120 euros is on its way");
        assertTrue(r.text().contains("300 dollars") && r.text().contains("120 euros"), r.text());
    }
}
