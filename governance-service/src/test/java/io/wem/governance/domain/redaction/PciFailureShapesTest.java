package io.wem.governance.domain.redaction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per failure shape of issue #13 (written first against the old engine, which missed them). Card numbers
 * are built here with their own Luhn check digit; the reader in {@link #readableDigits} is this test's own.
 */
class PciFailureShapesTest {

    private final PciRedactor redactor = new PciRedactor();

    static final String VISA = withCheckDigit("411111111111111");           // 4111 1111 1111 1111
    static final String UNIONPAY19 = "6210529430560575458";
    static final String AMEX = withCheckDigit("37828224631000");
    static final String MIR = withCheckDigit("220012345678901");
    static final String RUPAY = withCheckDigit("608112345678901");
    static final String DISCOVER = withCheckDigit("601100099990001");

    static String withCheckDigit(String body) {
        for (char c = '0'; c <= '9'; c++) {
            if (luhn(body + c)) {
                return body + c;
            }
        }
        throw new IllegalStateException();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int v = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine"};

    static String spoken(String digits, String between) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0) {
                sb.append(between);
            }
            sb.append(WORDS[digits.charAt(i) - '0']);
        }
        return sb.toString();
    }

    static String grouped(String digits, String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 4) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(digits, i, Math.min(i + 4, digits.length()));
        }
        return sb.toString();
    }

    private static final List<String> TEENS = List.of("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
            "sixteen", "seventeen", "eighteen", "nineteen");
    private static final List<String> TENS = List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");

    /**
     * Digits a reader could still get back: digit characters, digit words ("oh" too), teens, tens with or without
     * their unit, "double x", in order; everything else dropped.
     */
    static String readableDigits(String text) {
        StringBuilder sb = new StringBuilder();
        String[] words = text.toLowerCase().split("[^\\p{L}\\p{Nd}]+");
        for (int k = 0; k < words.length; k++) {
            String w = words[k];
            int unit = unit(w);
            if (unit >= 0) {
                sb.append(unit);
            } else if (TEENS.contains(w)) {
                sb.append(10 + TEENS.indexOf(w));
            } else if (TENS.contains(w)) {
                sb.append(TENS.indexOf(w) + 2);
                int next = k + 1 < words.length ? unit(words[k + 1]) : -1;
                if (next > 0) {
                    sb.append(next);
                    k++;
                } else {
                    sb.append(0);
                }
            } else if (w.equals("double") && k + 1 < words.length && unit(words[k + 1]) >= 0) {
                sb.append(unit(words[k + 1]));
            }
            for (char c : w.toCharArray()) {
                if (Character.isDigit(c)) {
                    sb.append(Character.digit(c, 10));
                }
            }
        }
        return sb.toString();
    }

    private static int unit(String w) {
        for (int i = 0; i < WORDS.length; i++) {
            if (w.equals(WORDS[i])) {
                return i;
            }
        }
        return w.equals("oh") ? 0 : -1;
    }

    void assertNoLeak(String text, String pan) {
        Redaction r = redactor.redact(text);
        String left = readableDigits(r.text());
        for (int i = 0; i + 5 <= pan.length(); i++) {
            assertFalse(left.contains(pan.substring(i, i + 5)), "leak of " + pan.substring(i, i + 5) + " in: " + r.text());
        }
        assertTrue(r.findings().stream().anyMatch(f -> f.type() == FindingType.PAN), "no PAN found in: " + text);
    }

    @Test
    void hesitationsAndFillersBetweenGroups() {
        String pan = withCheckDigit("601108770998112"); // the shape of the example, with a valid check digit
        assertNoLeak("six zero one one zero eight seven seven... um... oh nine nine eight, er, one one two "
                + WORDS[pan.charAt(15) - '0'], pan);
    }

    @Test
    void spokenWithHesitationsFindsTheDiscoverNumber() {
        String d = DISCOVER; // 6011 0009 9990 001x
        String text = "sure " + spoken(d.substring(0, 4), " ") + "... um... " + spoken(d.substring(4, 8), " ")
                + ", er, let me see, " + spoken(d.substring(8, 12), " ") + " hang on " + spoken(d.substring(12), " ")
                + " thanks";
        assertNoLeak(text, d);
    }

    @Test
    void twoDigitGroups() {
        // 5020 1257 6435 ... said in pairs: "fifty twenty, twelve fifty-seven, sixty four thirty-five ..."
        String pan = withCheckDigit("502012576435112");
        String[] pairs = new String[8];
        for (int i = 0; i < 8; i++) {
            pairs[i] = pair(Integer.parseInt(pan.substring(2 * i, 2 * i + 2)));
        }
        String text = pairs[0] + " " + pairs[1] + "... " + pairs[2] + " " + pairs[3] + "... " + pairs[4] + " "
                + pairs[5] + "... " + pairs[6] + " " + pairs[7];
        assertNoLeak(text, pan);
    }

    static String pair(int v) {
        String[] teens = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen"};
        String[] tens = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        if (v < 10) {
            return "oh " + WORDS[v];
        }
        if (v < 20) {
            return teens[v - 10];
        }
        return v % 10 == 0 ? tens[v / 10] : tens[v / 10] + "-" + WORDS[v % 10];
    }

    @Test
    void pausesWrittenAsEllipses() {
        assertNoLeak("it's " + spoken(VISA, " ... "), VISA);
    }

    @Test
    void ohForZeroAndDoubleTriple() {
        assertNoLeak("six oh one one, oh oh oh nine, nine nine oh oh, oh one " + spoken(DISCOVER.substring(14), " "),
                DISCOVER);
        assertNoLeak("four triple one, double one double one, one one one one, one one one one", VISA);
    }

    @Test
    void tensWithAndWithoutUnitsHundredsAndGluedTens() {
        assertNoLeak("forty one eleven, eleven eleven, eleven eleven, eleven eleven", VISA);
        assertNoLeak("forty-one eleven eleven eleven eleven eleven eleven eleven", VISA);
        assertNoLeak("fortyone eleven eleven eleven eleven eleven eleven eleven", VISA);
        assertNoLeak("four hundred and eleven, one one one one one one one one one one one one one", VISA);
        String zeros = withCheckDigit("540000000000000");
        assertNoLeak("fifty four, hundred? no: fifty four oh oh, oh oh oh oh, oh oh oh oh, oh oh oh "
                + WORDS[zeros.charAt(15) - '0'], zeros);
    }

    @Test
    void soundAlikesOnlyInsideADigitRun() {
        assertNoLeak("four one one one won one one one, one one one one, one one one one", VISA);
        assertNoLeak("for one one one, one one one one, one one one one, one one one one", VISA);
        String plain = "I waited for two hours to get through, then won a voucher";
        assertEquals(plain, redactor.redact(plain).text());
    }

    @Test
    void correctedDigitsRedactTheWholeSpan() {
        String text = "four one one two, no sorry, four one one one, one one one one, one one one one, one one one one";
        Redaction r = redactor.redact(text);
        assertEquals("[PAN]", r.text());
    }

    @Test
    void everydayWordsNearbyNeverSwitchDetectionOff() {
        for (String text : List.of("thanks for your call, the number is 4111 1111 1111 1111",
                "the order was paid with 4111 1111 1111 1111", "id 4111 1111 1111 1111",
                "4111 1111 1111 1111 is my confirmation", "ticket 4111111111111111 escalated",
                "call me on 4111 1111 1111 1111", "reference 4111-1111-1111-1111 for the dispute")) {
            assertNoLeak(text, VISA);
        }
    }

    @Test
    void newlinesAreNotAHardStop() {
        assertNoLeak("card 4111\n1111\n1111\n1111", VISA);
        assertNoLeak("four one one one\none one one one\r\none one one one\none one one one", VISA);
    }

    @Test
    void everySeparator() {
        for (String sep : List.of(" ", "-", ".", "_", "*", "/", ",", ", ", "    ", "\t", " - ", "\u00a0", "\u2002",
                "\u2013", "|", ": ")) {
            assertNoLeak("pay with " + grouped(VISA, sep) + " ok", VISA);
        }
    }

    @Test
    void invisibleAndFullWidthCharacters() {
        String zw = "4111\u200b1111\u200c1111\u200d1111\u2060";
        Redaction r = redactor.redact("card " + zw + " ok");
        assertEquals("card [PAN] ok", r.text());
        assertEquals(5, r.findings().get(0).start());
        assertEquals(5 + zw.length(), r.findings().get(0).end()); // offsets in the original text
        assertNoLeak("\uff14\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 "
                + "\uff11\uff11\uff11\uff11", VISA);
        assertNoLeak("4\u00ad111 1\ufeff111 11\u200b11 1111", VISA);
    }

    @Test
    void lettersGluedToDigits() {
        assertNoLeak("cc4111111111111111", VISA);
        assertNoLeak("card#4111111111111111x", VISA);
        assertNoLeak("PAN:4111-1111-1111-1111;exp", VISA);
    }

    @Test
    void mirRuPayAndOtherIssuers() {
        assertNoLeak("mir " + grouped(MIR, " "), MIR);
        assertNoLeak("rupay " + grouped(RUPAY, " "), RUPAY);
        for (String body : List.of("650002123456789", "506099123456789", "979212345678901", "986012345678901",
                "357111123456789", "81712345678901234")) {
            String pan = withCheckDigit(body);
            assertNoLeak(grouped(pan, " "), pan);
        }
    }

    @Test
    void nineteenDigitNumbersLeaveNothingReadable() {
        assertNoLeak(grouped(UNIONPAY19, " "), UNIONPAY19);
        String glued = VISA + "234"; // first 16 pass Luhn, the 19 do not
        Redaction r = redactor.redact("number " + glued + " thanks");
        assertEquals("number [PAN] thanks", r.text());
    }

    @Test
    void cardSplitOverTurnsOfOneSpeaker() {
        List<Redaction> out = redactor.redactConversation(List.of(
                new PciRedactor.Turn("customer", "it's 6210"),
                new PciRedactor.Turn("agent", "okay"),
                new PciRedactor.Turn("customer", "5294 3056 0575 458"),
                new PciRedactor.Turn("agent", "thank you")), false);
        assertEquals("it's [PAN]", out.get(0).text());
        assertEquals("okay", out.get(1).text());
        assertEquals("[PAN]", out.get(2).text());
        assertEquals("thank you", out.get(3).text());
        assertEquals(5, out.get(0).findings().get(0).start());
        // the same inside one text with speaker labels
        Redaction labelled = redactor.redact("Customer: it's 6210\nAgent: okay\nCustomer: 5294 3056 0575 458");
        assertEquals("Customer: it's [PAN]\nAgent: okay\nCustomer: [PAN]", labelled.text());
    }

    @Test
    void spokenCardSplitOverTurnsWithAgentInterruptions() {
        String d = DISCOVER;
        List<Redaction> out = redactor.redactConversation(List.of(
                new PciRedactor.Turn("customer", spoken(d.substring(0, 6), " ")),
                new PciRedactor.Turn("agent", "mm-hmm, go on"),
                new PciRedactor.Turn("customer", spoken(d.substring(6, 11), " ")),
                new PciRedactor.Turn("agent", "yes"),
                new PciRedactor.Turn("customer", spoken(d.substring(11), " "))), false);
        assertEquals("[PAN]", out.get(0).text());
        assertEquals("[PAN]", out.get(2).text());
        assertEquals("[PAN]", out.get(4).text());
    }

    @Test
    void securityCodesAfterTheirContextEvenTurnsLater() {
        List<Redaction> out = redactor.redactConversation(List.of(
                new PciRedactor.Turn("agent", "and the three digits on the back?"),
                new PciRedactor.Turn("customer", "hang on, let me turn it over"),
                new PciRedactor.Turn("customer", "seven one two")), false);
        assertEquals("[CVV]", out.get(2).text());
        assertEquals("and the three digits on the back?", out.get(0).text());
        assertEquals("the security code, the three digits, is [CVV]",
                redactor.redact("the security code, the three digits, is 123").text());
        assertEquals("cvv [CVV], thanks", redactor.redact("cvv four two one, thanks").text());
    }

    @Test
    void amexFourDigitCodes() {
        assertEquals("amex [PAN], security code [CVV]",
                redactor.redact("amex " + grouped(AMEX, " ") + ", security code four three two one").text());
        assertEquals("and the four digit code on the front? [CVV]",
                redactor.redact("and the four digit code on the front? 1234").text());
    }

    @Test
    void spokenExpiryDates() {
        assertEquals("expires [EXPIRY]", redactor.redact("expires oh four twenty eight").text());
        assertEquals("it expires [EXPIRY]", redactor.redact("it expires april twenty-eight").text());
        assertEquals("expiry [EXPIRY]", redactor.redact("expiry twelve slash twenty seven").text());
        assertEquals("valid thru [EXPIRY]", redactor.redact("valid thru 04/2028").text());
        assertEquals("expiry date [EXPIRY]", redactor.redact("expiry date march of twenty twenty nine").text());
        List<Redaction> out = redactor.redactConversation(List.of(
                new PciRedactor.Turn("agent", "and the expiry date?"),
                new PciRedactor.Turn("customer", "um, oh four, twenty eight")), false);
        assertEquals("um, [EXPIRY]", out.get(1).text());
    }

    @Test
    void codesRightAfterAPan() {
        assertEquals("[PAN] [EXPIRY] [CVV]", redactor.redact(VISA + " 12/27 123").text());
    }

    @Test
    void falsePositivesThatMatterStayOut() {
        for (String text : List.of("event at 1732550400000 ms", "event at 1732550400001 and 1732550400002",
                "call +49 151 23456789", "call me on +44 20 7946 0958", "my phone is 0151 2345 6789",
                "IBAN DE89 3704 0044 0532 0130 00", "iban GB29 NWBK 6016 1331 9268 19 please",
                "order 4111 1111 1111 1112", "the total is 4,111,111.11", "we met on 12/27 in room 737",
                "call me back on 452-532-4054", "the security team will call you back in two to three days",
                "my order number is five five eight one two")) {
            Redaction r = redactor.redact(text);
            assertEquals(text, r.text(), text);
        }
    }

    @Test
    void contextAddsSuspectedPans() {
        Redaction r = redactor.redact("my card number is 4111 1111 1111 1112");
        assertEquals("my card number is [PAN]", r.text());
        assertEquals(0.6, r.findings().get(0).confidence());
    }

    @Test
    void findingsNeverCarryTheSecretAndKeepLastFourShowsOnlyFour() {
        Redaction r = redactor.redact("card " + grouped(DISCOVER, " "), true);
        assertEquals("card [PAN ****" + DISCOVER.substring(12) + "]", r.text());
        assertFalse(r.findings().toString().contains(DISCOVER.substring(12)));
    }

    // ---- shapes the generated corpus still leaked on 2026-12-04 (one test each; failed on the engine before) ----

    private List<String> conversation(String... speakerAndText) {
        List<PciRedactor.Turn> turns = new java.util.ArrayList<>();
        for (int k = 0; k < speakerAndText.length; k += 2) {
            turns.add(new PciRedactor.Turn(speakerAndText[k], speakerAndText[k + 1]));
        }
        return redactor.redactConversation(turns, false).stream().map(Redaction::text).toList();
    }

    @Test
    void soundAlikesAsTheFirstDigitsOfASpokenNumber() {
        // "to, to" = 2 2 and "for for" = 4 4 open the number; leaving them would leave it unfound
        assertNoLeak("the number is to, to " + spoken(MIR.substring(2), " "), MIR);
        String visa = withCheckDigit("449031577201684");
        assertNoLeak("yeah it's for for " + spoken(visa.substring(2), " ") + " on the front", visa);
        assertEquals("I want to go to the shop at four", redactor.redact("I want to go to the shop at four").text());
    }

    @Test
    void splitNumbersWhoseFirstAndLastPartsAreOneDigit() {
        String pan = withCheckDigit("50189944239"); // 12 digits (Maestro), said as 5 / 0189 94423 / 9 3
        List<String> out = conversation("customer", "okay, " + pan.charAt(0), "agent", "okay, next?",
                "customer", "after that " + pan.substring(1, 5) + "\t" + pan.substring(5, 10), "agent", "and the rest?",
                "customer", "then " + pan.charAt(10) + " - " + pan.charAt(11));
        assertEquals(List.of("okay, [PAN]", "okay, next?", "after that [PAN]", "and the rest?", "then [PAN]"),
                out);
        String spokenPan = withCheckDigit("503817988447450");
        out = conversation("customer", "okay, five zero-three just a sec eight", "agent", "right",
                "customer", "after that " + spoken(spokenPan.substring(4, 7), ", "), "agent", "right",
                "customer", "then " + spoken(spokenPan.substring(7, 11), " "),
                "customer", spoken(spokenPan.substring(11), " "));
        String left = readableDigits(String.join(" ", out));
        for (int i = 0; i + 5 <= spokenPan.length(); i++) {
            assertFalse(left.contains(spokenPan.substring(i, i + 5)), "leak in " + out);
        }
    }

    @Test
    void aSoundAlikeEndingItsTurnInsideASplitNumber() {
        String pan = withCheckDigit("811536099260016"); // "and too" is the 10th digit, alone in its turn
        List<String> out = conversation("customer", "number's ate one", "agent", "mm-hm",
                "customer", "won five three six -- oh nine nine", "agent", "sorry, could you say that again?",
                "customer", "and too", "agent", "got it", "customer", "okay six-zero oh, one six, " + spoken(pan.substring(15), " "));
        assertFalse(out.contains("and too"), out.toString());
        assertEquals("and [PAN]", out.get(4));
    }

    @Test
    void halvesOfEightDigitsInTwoTurns() {
        String visa = withCheckDigit("411716376766241");
        List<String> out = conversation("customer", "number's " + visa.substring(0, 8), "agent", "right",
                "customer", "after that " + visa.substring(8));
        assertEquals(List.of("number's [PAN]", "right", "after that [PAN]"), out);
    }

    @Test
    void anExpiryAnsweredAfterTheCardIsNotReadAsItsLastDigit() {
        // a card number chosen so that the card plus the month's "6" is itself a valid 17-digit card
        String mir = null;
        for (int b = 100; b < 1000 && mir == null; b++) {
            String c = withCheckDigit("220012345678" + b);
            mir = luhn(c + "6") ? c : null;
        }
        List<String> out = conversation("customer", "the card is " + spoken(mir, " "),
                "agent", "and the expiration date please?", "customer", "hang on", "customer", "it's 6/31");
        assertEquals("it's [EXPIRY]", out.get(3));
        out = conversation("customer", "the card is " + spoken(mir, " "), "agent", "the end date on the card?",
                "customer", "6/31");
        assertEquals("[EXPIRY]", out.get(2));
    }

    @Test
    void datesOfBirthAndTimestampsNearACardAreLeftAlone() {
        List<String> out = conversation("customer", "the card is " + grouped(VISA, " "),
                "agent", "thanks, and your date of birth?", "customer", "01/01/1964");
        assertEquals("01/01/1964", out.get(2));
        out = conversation("agent", "can I take the card details?", "customer", "it says created 1732550400000");
        assertEquals("it says created 1732550400000", out.get(1));
        out = conversation("agent", "when does it expire?", "customer", "um, may thirty four",
                "customer", "ring 07340 325617 after five");
        assertEquals("um, [EXPIRY]", out.get(1)); // the month word goes with its year
    }

    // ---- cross-batch split, rule (a), and long chunks over a turn (held-out leaks; failed on main at 0eff339) ----

    @Test
    void aCardNumberCutOffAtTheEndOfAConversationIsRedacted() {
        // a batch or transcript that ends mid-dictation: neither part alone is a card
        List<String> out = conversation("agent", "can I take the card number?", "customer", "sure, 4111 1111");
        assertEquals("sure, [PAN]", out.get(1));
        assertEquals("my card is [PAN]", redactor.redact("my card is 4111 1111").text());
        assertEquals("the visa is [PAN]", redactor.redact("the visa is five four five four one").text());
    }

    @Test
    void theCutOffRuleLeavesLastFourAmountsAndPhoneNumbersAlone() {
        assertEquals("card ending in 6284", redactor.redact("card ending in 6284").text());
        assertEquals("I paid by card, it came to $269.28", redactor.redact("I paid by card, it came to $269.28").text());
        List<String> out = conversation("agent", "can I take the card details?", "customer",
                "sure, my phone is 07340 325617");
        assertEquals("sure, my phone is 07340 325617", out.get(1));
        // not at the end of the conversation: an ordinary 8-digit number stays
        out = conversation("agent", "can I take the card details?", "customer", "my reference is 4111 1111",
                "agent", "thanks", "customer", "and I moved house last month", "agent", "noted", "customer", "bye");
        assertEquals("my reference is 4111 1111", out.get(1));
    }

    @Test
    void aCardDictatedInChunksOfTenAndSixOverTwoTurnsIsJoined() {
        String v = withCheckDigit("453201511283036");
        List<String> out = conversation("customer", "the number on my debit card is " + v.substring(0, 10),
                "agent", "uh-huh", "customer", "the next ones are " + v.charAt(10) + " " + v.substring(11, 14) + " "
                        + v.substring(14), "agent", "thanks", "customer", "no, nothing else changed");
        assertEquals("the number on my debit card is [PAN]", out.get(0));
        assertEquals("the next ones are [PAN]", out.get(2));
    }

    // ---- cross-batch split, rule (b): the earlier part was stored redacted; the caller sends it back as context ----

    @Test
    void theRestOfACardAfterARedactedCutIsRedacted() {
        // batch 1 was stored as "sure, my card is [PAN]" (rule (a)); batch 2 carries the rest, the call goes on
        String v = withCheckDigit("453201511283036");
        List<String> out = conversation("agent", "can I take the card number?", "customer", "sure, my card is [PAN]",
                "customer", v.substring(8, 12) + " " + v.substring(12), "agent", "thanks, and anything else today?",
                "customer", "no that is all, bye");
        assertEquals("[PAN]", out.get(2));
        // spoken, after a filler, with the other party's turn in between
        out = conversation("customer", "it is [PAN]", "agent", "uh-huh", "customer",
                "um, " + spoken(v.substring(10), " "), "agent", "lovely, the address is still the same?",
                "customer", "yes it is");
        assertEquals("um, [PAN]", out.get(2));
    }

    @Test
    void aRedactedCutOnlyReachesTheSameSpeakersNextDigits() {
        // the other party's number, a number after words, four digits, and a number in the same turn stay
        List<String> out = conversation("customer", "my card is [PAN]", "agent", "my extension is 40213",
                "customer", "and my order reference is 55102 88391", "agent", "thanks");
        assertEquals("my extension is 40213", out.get(1));
        assertEquals("and my order reference is 55102 88391", out.get(2));
        out = conversation("customer", "my card is [PAN]", "customer", "6284", "agent", "thanks");
        assertEquals("6284", out.get(1));
        out = conversation("customer", "the pan 88391 is a cooking pan", "agent", "ok", "customer", "55102 thanks");
        assertEquals("55102 thanks", out.get(2));
    }

    // ---- held-out leaks and long-transcript false positives (2026-12-04 afternoon; each failed at 76d864e) ----

    @Test
    void aLoneSoundAlikeOpeningASplitNumberAtTheEndOfItsTurn() {
        // "too" = the first digit 2, alone at the end of its turn; the rest follows in later turns
        List<String> out = conversation("customer", "ok the long number is too", "agent", "one moment... okay",
                "customer", "after that " + spoken(MIR.substring(1, 7), " "), "agent", "yep",
                "customer", spoken(MIR.substring(7), " "));
        assertEquals("ok the long number is [PAN]", out.get(0));
        assertEquals("after that [PAN]", out.get(2));
        assertEquals("[PAN]", out.get(4));
    }

    @Test
    void soundAlikesAfterFillersInsideASplitNumber() {
        String pan = withCheckDigit("453281" + "42867135"); // "yeah ate, won" = 8 1; the last turn ends "to... won"
        String last = null;
        for (char c = '0'; c <= '9' && last == null; c++) {
            last = luhn(pan.substring(0, 14) + c + "21") ? pan.substring(0, 14) + c + "21" : null;
        }
        List<String> out = conversation("customer", "it's " + spoken(last.substring(0, 4), " "), "agent", "uh-huh",
                "customer", "yeah ate, won", "agent", "okay, next?",
                "customer", "right, " + spoken(last.substring(6, 14), " "), "agent", "got it",
                "customer", WORDS[last.charAt(14) - '0'] + " so to... won");
        assertEquals("yeah [PAN]", out.get(2));
        assertEquals("[PAN]", out.get(6));
    }

    @Test
    void aReadingAcrossTurnsTakesWholeChunksNotAPhoneNumberTailAndADate() {
        // phone digits 3..10 followed by the date's 8 digits are a Luhn-valid Visa: reading from the middle of one
        // number into another number turns later is how harmless conversations were flagged
        String phone = null;
        for (int d = 0; d <= 9 && phone == null; d++) {
            String p = "071" + "4539018" + d;
            phone = luhn(p.substring(3) + "20200903") ? p : null;
        }
        List<String> out = conversation("customer", "call me on " + spoken(phone, " ").replaceFirst("zero", "oh"),
                "agent", "okay", "customer", "since 2020-09-03");
        assertEquals("since 2020-09-03", out.get(2));
        assertEquals("call me on " + spoken(phone, " ").replaceFirst("zero", "oh"), out.get(0));
    }

    @Test
    void aPlusPhoneNumberIsNotJoinedToTheWordsAfterIt() {
        // 44 20 dddd dddd + "five" is a Luhn-valid 13-digit Visa
        String phone = null;
        for (int d = 0; d < 10_000 && phone == null; d++) {
            String p = "4420" + String.format("%08d", 79460000 + d);
            phone = luhn(p + "5") ? p : null;
        }
        String said = "ring +44 20 " + phone.substring(4, 8) + " " + phone.substring(8) + " after five";
        assertEquals(said, redactor.redact(said).text());
    }

    @Test
    void aNumberInASentenceInALaterTurnIsNotTheRestOfACard() {
        List<String> out = conversation("customer", "the card is " + spoken(VISA, " "), "agent", "thanks",
                "customer", "I've got one more question", "agent", "sure",
                "customer", "we waited forty five minutes");
        assertEquals("I've got one more question", out.get(2));
        assertEquals("we waited forty five minutes", out.get(4));
    }

    @Test
    void anOtherNumberNamedAfterACardWordIsNotASuspectedCard() {
        String failing = VISA.substring(0, 15) + (char) ('0' + (VISA.charAt(15) - '0' + 5) % 10);
        List<String> out = conversation("agent", "can I take the card details?",
                "customer", "my order number is " + failing, "agent", "thanks", "customer", "bye");
        assertEquals("my order number is " + failing, out.get(1));
        // a Luhn-valid card is redacted whatever is named before it
        out = conversation("agent", "can I take the card details?", "customer", "my order number is " + VISA);
        assertEquals("my order number is [PAN]", out.get(1));
    }

    @Test
    void aTurnOfOnlySoundAlikesOpensASplitNumber() {
        // "too to" = 2 2, all the turn says; failed at ab4d951 (held-out seed 220)
        String pan = withCheckDigit("220054913960875");
        List<String> out = conversation("customer", "too to", "agent", "thank you, go ahead",
                "customer", "then " + spoken(pan.substring(2, 9), " "), "agent", "uh-huh",
                "customer", "so " + spoken(pan.substring(9), " "));
        assertEquals(List.of("[PAN]", "thank you, go ahead", "then [PAN]", "uh-huh", "so [PAN]"), out);
    }

    @Test
    void aLongChainOfSoundAlikesOpensASpokenNumber() {
        // "ate won won to for" = 8 1 1 2 4 before the first real digit word; failed at ab4d951 (held-out seed 206)
        String pan = withCheckDigit("811241924407523"); // UnionPay 81, 16 digits
        String said = "yeah it's ate won won to for " + spoken(pan.substring(5), " ") + " on the front";
        assertEquals("yeah it's [PAN] on the front", redactor.redact(said).text());
    }
}
