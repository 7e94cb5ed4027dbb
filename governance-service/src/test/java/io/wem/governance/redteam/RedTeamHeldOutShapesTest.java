package io.wem.governance.redteam;

import io.wem.governance.domain.redaction.PciRedactor;
import io.wem.governance.domain.redaction.Redaction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per failure shape the red-team corpus showed on the ten exploration seeds of {@link RedTeamSeedsTest}
 * (leaks, misses, and harmless numbers redacted as cards), written from the failing cases. Each failed before its fix.
 */
class RedTeamHeldOutShapesTest {

    private final PciRedactor redactor = new PciRedactor();

    private static void assertNoLeak(String pan, List<String> redacted) {
        assertTrue(RedTeamGenerator.luhn(pan), pan);
        StringBuilder all = new StringBuilder();
        for (String r : redacted) {
            all.append(RedTeamReader.digits(r));
        }
        for (int i = 0; i + 5 <= pan.length(); i++) {
            assertFalse(all.indexOf(pan.substring(i, i + 5)) >= 0,
                    "window " + pan.substring(i, i + 5) + " of the PAN is readable in " + redacted);
        }
    }

    private List<String> conversation(String... speakerAndText) {
        List<PciRedactor.Turn> turns = new ArrayList<>();
        for (int i = 0; i < speakerAndText.length; i += 2) {
            turns.add(new PciRedactor.Turn(speakerAndText[i], speakerAndText[i + 1]));
        }
        return redactor.redactConversation(turns, false).stream().map(Redaction::text).toList();
    }

    @Test
    void eachTensPairOfADictationIsReadEitherWay() {
        // 50 20 | 5 2 5 0 | 3 0 | 54: "twenty" ending a turn and "five" opening the next are 20 5, "fifty four" is 54
        List<String> out = conversation(
                "agent", "What's the number?",
                "customer", "it's fifty twenty...",
                "agent", "five zero two zero, go on",
                "customer", "five two five oh...",
                "agent", "five two five zero, got it",
                "customer", "three oh...",
                "agent", "three zero, yes",
                "customer", "fifty four...",
                "agent", "Great, and the expiry?");
        assertNoLeak("502052503054", out);
        assertTrue(out.get(7).contains("[PAN]"), out.toString());
        assertEquals("Great, and the expiry?", out.get(8));
        // one turn, one pair of each kind
        Redaction r = redactor.redact("it's fifty twenty five two five oh three oh fifty four", false);
        assertNoLeak("502052503054", List.of(r.text()));
    }

    @Test
    void theReadBackIsMatchedWithTheDigitsOfTheReadingThatFoundTheCard() {
        // "4 zero 2 sixty" / "six one one": the card is 40260 611..., read with "sixty six" as 66 it is not
        List<String> out = conversation(
                "agent", "Go ahead with the card number when you're ready.",
                "customer", "ok 4 zero 2 sixty...",
                "agent", "four zero two six zero, yes",
                "customer", "six one one",
                "agent", "six one one, got it",
                "customer", "zero five one two five nine nine five...",
                "agent", "Thank you.");
        assertNoLeak("4026061105125995", out);
        assertTrue(out.get(2).startsWith("[PAN]"), out.toString());
    }

    @Test
    void aShortChunkReadBackBesideTheDictationGoesWithIt() {
        // the agent's "one four two zero" and "six five two six" are 4 digits each, but the agent's turns together
        // read 0 6526 ...: a 5-digit window of the card
        List<String> out = conversation(
                "agent", "Can I take the long number on the card please?",
                "customer", "ok four eight four four double eight...",
                "agent", "four eight four four eight eight?",
                "customer", "fourteen twenty,",
                "agent", "one four two zero, got it",
                "customer", "six five two six um",
                "agent", "six five two six, got it",
                "customer", "zero nine,",
                "agent", "Great, and the expiry?");
        assertNoLeak("4844881420652609", out);
        assertEquals("[PAN], got it", out.get(6));
        // the last four said back a turn after the card's turn are no read-back of a chunk: not a [PAN]
        List<String> after = conversation(
                "customer", "it's 4844 8814 2065 2609",
                "agent", "thanks",
                "agent", "so that's the card ending 2609, is that right?");
        assertFalse(after.get(2).contains("[PAN]"), after.toString());
    }

    @Test
    void theSpokenDigitsAfterAnEarlyLuhnValidReadingGoWithIt() {
        // with groups said twice, a reading that passes Luhn early ended the card and left the rest readable
        Redaction a = redactor.redact("the order was paid with five oh seven nine, five oh seven nine three seven"
                + " three seven. seven three seven eight, seven three seven eight, yes three nine four five thanks", false);
        assertNoLeak("5079373773783945", List.of(a.text()));
        assertTrue(a.text().endsWith("[PAN] thanks"), a.text());
        Redaction b = redactor.redact("it is five zero six one - five zero six one, that's right, seven four nine zero"
                + " - four nine zero three - four nine zero three, yes … nine seven five nine... three five, three"
                + " five?", false);
        assertNoLeak("506174904903975935", List.of(b.text()));
    }

    @Test
    void aCorrectionMakesOnlyItsOwnTurnGuesswork() {
        // the customer's date two turns earlier joined the corrected card's run and was redacted with it
        List<String> out = conversation(
                "customer", "the last payment was on 2021-04-09 06:08",
                "agent", "And the card number?",
                "customer", "it's the one ending... no wait, 3051, 297874, 6608?");
        assertNoLeak("30512978746608", out);
        assertEquals("the last payment was on 2021-04-09 06:08", out.get(0));
        List<String> amount = conversation(
                "customer", "the amount due is $7,127.83",
                "agent", "And the card number?",
                "customer", "it's the one ending... no wait, six seven six one nine... just a moment... seven four"
                        + " eight, sorry, nine oh - just a sec... oh - six eight two seven five .",
                "agent", "Thank you.",
                "customer", "the last payment was on 2026-02-21 21:28");
        assertNoLeak("6761974890068275", amount);
        assertEquals("the amount due is $7,127.83", amount.get(0));
        assertEquals("the last payment was on 2026-02-21 21:28", amount.get(4));
        // inside one turn the rule is unchanged: all of the corrected run goes
        Redaction one = redactor.redact("it's four one, no, four two nine two one four oh three six two seven one"
                + " eight five four oh", false);
        assertTrue(one.text().contains("[PAN]") && !one.text().contains("four one"), one.text());
    }

    @Test
    void aPlusPhoneNumberEndingTheConversationIsNoCutCard() {
        List<String> out = conversation(
                "customer", "cc 5061 2 53149 727 963 74 2 cheers",
                "agent", "Thank you.",
                "agent", "call us back on +44 7556 496111");
        assertNoLeak("5061253149727963742", out);
        assertEquals("call us back on +44 7556 496111", out.get(2));
    }

    @Test
    void aClockTimeAmongWordsIsANumberOfItsOwn() {
        // day, year, time and ticket were bridged over "at" / "pm" into one run whose 12-19-digit windows passed Luhn
        for (String text : List.of("it happened on december 2, 2022 at 6:57 pm, ticket 81942124",
                "the appointment is august 26, 2020 at 9:13 pm, ticket 01770851",
                "it happened on june 25, 2024 at 6:17 pm, ticket 17877792")) {
            Redaction r = redactor.redact(text, false);
            assertEquals(text, r.text());
        }
        // a colon as a card's separator still joins (fail closed): "8:11" here is no time among words
        assertTrue(RedTeamGenerator.luhn("3861811896204841"));
        Redaction card = redactor.redact("3861_8:11 8962_0_484\t1 thanks", false);
        assertNoLeak("3861811896204841", List.of(card.text()));
        // a card read out after a time is still a card
        Redaction after = redactor.redact("it was at 6:57 pm, the card is 4929 1403 6271 8540", false);
        assertNoLeak("4929140362718540", List.of(after.text()));
        assertTrue(after.text().startsWith("it was at 6:57 pm"), after.text());
    }

    @Test
    void anIbanTypedWithoutSpacesIsAnIbanAtItsCountrysLength() {
        // checksum-valid IBANs typed in one block: a 16-digit prefix of the block passed Luhn and an issuer range
        for (String iban : List.of("DE25559273677632808667", "FR6558798406848244123851382",
                "ES4540581142600459852762", "IT23O2509227229698609543096")) {
            Redaction r = redactor.redact("please refund to " + iban, false);
            assertEquals("please refund to " + iban, r.text());
        }
        // two capitals glued to a card are no IBAN: not a country, or not its length (fail closed)
        Redaction cc = redactor.redact("CC4929140362718540", false);
        assertNoLeak("4929140362718540", List.of(cc.text()));
        Redaction de = redactor.redact("DE4929140362718540", false);
        assertNoLeak("4929140362718540", List.of(de.text()));
    }

    @Test
    void anAbandonedReadingIsReadAcrossItsGroupBoundaries() {
        // the one leak on the five held-out seeds (found after their figure was taken): the first reading "4 910 62"
        // shares no whole group with the card, but its digits read 49106, five in a row of 4910646725487
        Redaction r = redactor.redact("right, four, nine one oh … 62... sorry, no, six four, hang on, from the top:"
                + " four nine one oh six four, six seven two - five four eight seven ok?", false);
        assertNoLeak("4910646725487", List.of(r.text()));
    }

    // Held-out set 2 (RedTeamSeedsTest.HELD_OUT_2): the two leaks of its first run, each shape failing before its fix.

    @Test
    void zerosTypedAsARunOfLetterOInsideASeparatedNumberAreZeros() {
        // "5.ooo.45479": the o-run touches no digit, only the dots between groups, and was read as a word
        Redaction chat = redactor.redact("ref 6 5.ooo.45479.7.15999.393!", false);
        assertNoLeak("6500045479715999393", List.of(chat.text()));
        assertTrue(chat.text().startsWith("ref [PAN]"), chat.text());
        assertFalse(chat.text().contains("ooo"), chat.text());
        Redaction dashed = redactor.redact("card: 4 - OOO - O566 - 5566 - 5556 thanks", false);
        assertNoLeak("4000056655665556", List.of(dashed.text()));
        assertFalse(dashed.text().contains("OOO"), dashed.text());
        Redaction slashed = redactor.redact("it's 4/ooo/o5 66/55 66/55 56", false);
        assertNoLeak("4000056655665556", List.of(slashed.text()));
        assertFalse(slashed.text().contains("ooo"), slashed.text());
        // o-runs that touch a letter or no number stay words
        for (String text : List.of("ooo. nice, see you at 5", "room 5, oh dear", "the 5 o'clock train", "too good.ooo.")) {
            assertEquals(text, redactor.redact(text, false).text());
        }
    }

    @Test
    void anAmountSaidWithItsCurrencyAfterTheCardIsNoCode() {
        // "300 dollars" two turns after the card was redacted as an expiry (3/00); with it gone, "19:10", the "for"
        // of "thanks for your call" and "91 cents" read 10 4 91: five digits of the card in a row
        List<String> out = conversation(
                "customer", "your order number is 832862653922872",
                "agent", "I'm going to take a card payment now.",
                "customer", "the last payment was on 2024-01-28 19:10",
                "agent", "Whenever you're ready.",
                "customer", "thanks for your call, the number is 3011 689510 4915 ok?",
                "agent", "Is there anything else?",
                "customer", "your balance is 300 dollars and 91 cents",
                "agent", "the amount due is $9,602.40");
        assertNoLeak("30116895104915", out);
        assertEquals("your balance is 300 dollars and 91 cents", out.get(6));
        // the same shape with other numbers: 23 | for | 812 dollars and 57 cents around 4539 2345 7123 4563
        List<String> other = conversation(
                "customer", "the last payment was on 2025-11-02 07:23",
                "customer", "thanks for waiting, my card is 4539 2345 7123 4563",
                "agent", "thank you",
                "customer", "my balance is 812 pounds and 57 pence");
        assertNoLeak("4539234571234563", other);
        assertEquals("my balance is 812 pounds and 57 pence", other.get(3));
        // a code right after the card is still a code; an amount said with its currency is not
        String code = redactor.redact("card 4539 2345 7123 4563 code 300", false).text();
        assertTrue(code.startsWith("card [PAN] code [") && !code.contains("300"), code);
        assertEquals("the security code is [CVV]", redactor.redact("the security code is 300", false).text());
        assertEquals("card [PAN] then 120 euros", redactor.redact("card 4539 2345 7123 4563 then 120 euros", false)
                .text());
    }
}
