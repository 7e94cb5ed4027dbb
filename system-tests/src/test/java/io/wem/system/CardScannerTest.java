package io.wem.system;

import io.wem.demo.generator.CardNumbers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PCI scan must find what it is looking for, or a clean scan proves nothing (plain JUnit, every build). */
class CardScannerTest {

    private final CardScanner scanner = new CardScanner(List.of());

    @Test
    void findsEveryRenderingOfATestCard() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            String pan = CardNumbers.newPan(rnd);
            for (CardNumbers.Form form : CardNumbers.Form.values()) {
                String text = "Sure, my card is " + CardNumbers.render(pan, form) + " and it expires soon.";
                assertFalse(scanner.find(text).isEmpty(), form + " of " + CardScanner.mask(pan) + ": " + text);
            }
        }
    }

    @Test
    void findsSpokenAndOddlySeparatedShapesOfAPlantedCard() {
        CardScanner planted = new CardScanner(java.util.List.of("4111111111111111"));
        for (String text : java.util.List.of(
                "forty-one eleven... eleven eleven, eleven eleven eleven eleven",
                "four one one... um... one one one, er, one one one one hang on one one one one",
                "four hundred and eleven, one hundred and eleven, one one one one one one one",
                "cc4111_1111_1111_1111", "４１１１\u200b１１１１ 1111 1111",
                "the number is four one one one one one one one one one and the rest is gone")) {
            assertFalse(planted.find(text).isEmpty(), text);
        }
        assertTrue(planted.find("it's four one one one, that's all I remember, ok").isEmpty());
    }

    @Test
    void findsCardsInsideJson() {
        assertFalse(scanner.find("{\"text\":\"card 4111-1111-1111-1111 ok\"}").isEmpty());
    }

    @Test
    void ignoresRedactedTextTimestampsAndPhoneNumbers() {
        assertTrue(scanner.find("card [PAN] exp [EXPIRY] code [CVV]").isEmpty());
        assertTrue(scanner.find("last four 1111, ticket 20261125091400, at 1764062040000 ms").isEmpty());
        assertTrue(scanner.find("call +44 20 7946 0958 or 0800 123 4567").isEmpty());
        assertTrue(scanner.find("2026-11-25T09:14:00Z").isEmpty());
    }

    @Test
    void ignoresIdsHashesAndDecimals() {
        // UUIDs whose groups happen to be digits, hex hashes with long digit stretches, a JSON decimal
        assertTrue(scanner.find("{\"id\":\"41111111-1111-4111-8111-111111111111\"}").isEmpty());
        assertTrue(scanner.find("c9d661c1-f0e3-3145-8076-9dd917ad7d8c e3-4111-1111-1111-1111a").isEmpty());
        assertTrue(scanner.find("hash ab4111111111111111cd").isEmpty());
        assertTrue(scanner.find("{\"window\": 2592000.000000000, \"ratio\": 0.4111111111111111}").isEmpty());
        // ids with 4-digit groups next to spoken words must not be chained into a number
        assertTrue(scanner.find("one 55610e7f-0d45-3682-9981-780500043290 41111111-1111-4111-8111-111111111111 two")
                .isEmpty());
    }

    @Test
    void findsCardsTypedInUsualGroupings() {
        assertFalse(scanner.find("amex 3782 822463 10005 thanks").isEmpty());
        assertFalse(scanner.find("card: 4111111111111111.").isEmpty());
        assertFalse(scanner.find("(4111.1111.1111.1111)").isEmpty());
    }

    @Test
    void knownPansAreFoundEvenOutsideIssuerRanges() {
        String odd = "1234567812345670"; // Luhn-valid, no issuer
        assertTrue(new CardScanner(List.of()).find("x " + odd).isEmpty());
        assertEquals(1, new CardScanner(List.of(odd)).find("x " + odd).size());
    }

    /**
     * The demo's leak scan (DemoLeakScanIT) reads the demo's data: it must find the card in every transcript the demo
     * generator writes with one, and nothing in the others (a false alarm would fail every demo).
     */
    @Test
    void readsTheDemoGeneratorsTranscriptsRight() {
        var options = new io.wem.demo.generator.GeneratorOptions(11, io.wem.demo.generator.GeneratorOptions.DEFAULT_TEAMS,
                60, 20_000, java.time.Instant.parse("2026-03-02T00:00:00Z"), 7, "scan11", true);
        var week = io.wem.demo.generator.ContactCenterGenerator.generate(options);
        int withCard = 0;
        int clean = 0;
        for (var t : week.ofType(io.wem.demo.generator.Signal.Transcript.class)) {
            boolean planted = !CardNumbers.digitPansIn(t.text()).isEmpty() || !CardNumbers.spokenPansIn(t.text()).isEmpty();
            assertEquals(planted, !scanner.find(t.text()).isEmpty(), t.text());
            if (planted) {
                withCard++;
                // redacted as governance writes it, nothing is left to find
                String redacted = t.text();
                for (String pan : CardNumbers.digitPansIn(t.text())) {
                    redacted = redacted.replaceAll(String.join("[ .-]?", pan.split("")), "[PAN]");
                }
                if (CardNumbers.spokenPansIn(redacted).isEmpty()) {
                    assertTrue(scanner.find(redacted).isEmpty(), redacted);
                }
            } else {
                clean++;
            }
        }
        assertTrue(withCard >= 20 && clean >= 1_000, withCard + " transcripts with a card, " + clean + " without");
    }
}
