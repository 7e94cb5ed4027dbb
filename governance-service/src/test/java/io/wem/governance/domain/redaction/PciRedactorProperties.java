package io.wem.governance.domain.redaction;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Rules that must hold for all inputs. Card numbers, renderings and surrounding words come from this class's own
 * small tables (issuer prefixes per brand and length, separators, fillers), not from the engine's vocabulary.
 */
class PciRedactorProperties {

    private final PciRedactor redactor = new PciRedactor();

    /** brand prefix, then the lengths that brand issues. */
    private static final String[][] BRANDS = {
        {"4", "13", "16", "19"}, {"51", "16"}, {"55", "16"}, {"2221", "16"}, {"2720", "16"}, {"34", "15"},
        {"37", "15"}, {"6011", "16", "17", "18", "19"}, {"65", "16", "19"}, {"3528", "16", "19"},
        {"3589", "16"}, {"36", "14"}, {"38", "14", "16"}, {"62", "16", "17", "18", "19"}, {"6759", "12", "13",
            "15", "16", "18", "19"}, {"5018", "12", "16", "19"}, {"2200", "16"}, {"2204", "16", "19"},
        {"60", "16"}, {"81", "16"}, {"82", "16"}, {"506099", "16", "18", "19"}, {"650002", "16"}, {"9792", "16"},
    };
    private static final String[] AROUND = {"hello", "thanks", "the", "number", "is", "my", "yes", "order", "was",
        "paid", "with", "ticket", "confirmation", "id", "please", "read", "it", "again", "so", "that's", "right",
        "call", "reference", "for", "to", "I", "think", "okay", "customer", "agent", "account", "on", "file"};
    private static final String[] TYPED_SEPARATORS = {" ", "-", ".", "_", "*", "/", ",", ", ", "    ", "\t", "\n",
        "\u200b", "", " - ", "\u00a0", " / "};
    private static final String[] SPOKEN_PAUSES = {" ", ", ", " ... ", "... ", " um ", " uh, ", "\n", " - ", " er ",
        ", hang on, ", ", sorry, ", " okay "};
    private static final String[] DIGIT_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine"};
    private static final String[] TEENS = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};

    @Provide
    Arbitrary<String> pans() {
        return Combinators.combine(Arbitraries.integers().between(0, BRANDS.length - 1),
                Arbitraries.integers().between(0, 3), Arbitraries.longs()).as((b, l, seed) -> {
                    String[] brand = BRANDS[b];
                    int length = Integer.parseInt(brand[1 + l % (brand.length - 1)]);
                    Random rnd = new Random(seed);
                    StringBuilder body = new StringBuilder(brand[0]);
                    while (body.length() < length - 1) {
                        body.append(rnd.nextInt(10));
                    }
                    return PciFailureShapesTest.withCheckDigit(body.toString());
                });
    }

    @Property(tries = 600)
    void noFiveDigitWindowOfAnyPanSurvivesTypedWithAnySeparators(@ForAll("pans") String pan, @ForAll long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        int groupSize = 2 + rnd.nextInt(5);
        for (int i = 0; i < pan.length(); i++) {
            if (i > 0 && i % groupSize == 0) {
                sb.append(TYPED_SEPARATORS[rnd.nextInt(TYPED_SEPARATORS.length)]);
            }
            char c = pan.charAt(i);
            sb.append(rnd.nextInt(12) == 0 ? (char) (c - '0' + '\uff10') : c); // now and then a full-width digit
        }
        assertNoWindowLeft(surround(sb.toString(), rnd), pan);
    }

    @Property(tries = 600)
    void noFiveDigitWindowOfAnyPanSurvivesSpoken(@ForAll("pans") String pan, @ForAll long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < pan.length()) {
            if (i > 0) {
                sb.append(rnd.nextInt(3) == 0 ? SPOKEN_PAUSES[rnd.nextInt(SPOKEN_PAUSES.length)] : " ");
            }
            int d = pan.charAt(i) - '0';
            int style = rnd.nextInt(6);
            if (style == 0 && i + 1 < pan.length() && pan.charAt(i + 1) != '0' && d >= 1) {
                int v = d * 10 + (pan.charAt(i + 1) - '0');
                sb.append(v < 20 ? TEENS[v - 10] : v % 10 == 0 ? TENS[v / 10]
                        : TENS[v / 10] + (rnd.nextBoolean() ? "-" : " ") + DIGIT_WORDS[v % 10]);
                i += 2;
            } else if (style == 1 && i + 1 < pan.length() && pan.charAt(i + 1) == pan.charAt(i)) {
                sb.append("double ").append(DIGIT_WORDS[d]);
                i += 2;
            } else if (style == 2 && d == 0) {
                sb.append("oh");
                i++;
            } else if (style == 3) {
                sb.append(d); // mixed digits and words
                i++;
            } else {
                sb.append(DIGIT_WORDS[d]);
                i++;
            }
        }
        assertNoWindowLeft(surround(sb.toString(), rnd), pan);
    }

    @Property(tries = 300)
    void aPanSplitOverTurnsOfOneSpeakerLeavesNothingReadable(@ForAll("pans") String pan, @ForAll long seed) {
        Random rnd = new Random(seed);
        List<PciRedactor.Turn> turns = new ArrayList<>();
        int cut1 = 2 + rnd.nextInt(pan.length() / 2);
        int cut2 = cut1 + 1 + rnd.nextInt(pan.length() - cut1 - 1);
        turns.add(new PciRedactor.Turn("customer", "sure, it's " + pan.substring(0, cut1)));
        turns.add(new PciRedactor.Turn("agent", rnd.nextBoolean() ? "okay" : "mm-hmm, go on"));
        turns.add(new PciRedactor.Turn("customer", PciFailureShapesTest.spoken(pan.substring(cut1, cut2), " ")));
        turns.add(new PciRedactor.Turn("agent", "yes"));
        turns.add(new PciRedactor.Turn("customer", pan.substring(cut2) + " " + word(rnd)));
        StringBuilder all = new StringBuilder();
        for (Redaction r : redactor.redactConversation(turns, false)) {
            all.append(r.text()).append(" | ");
        }
        String left = PciFailureShapesTest.readableDigits(all.toString());
        for (int i = 0; i + 5 <= pan.length(); i++) {
            assertFalse(left.contains(pan.substring(i, i + 5)), "readable in: " + all);
        }
    }

    @Property(tries = 400)
    void luhnFailingTimestampsPhonesAndValidIbansAreUntouched(@ForAll long seed) {
        Random rnd = new Random(seed);
        String text = switch (rnd.nextInt(3)) {
            case 0 -> "logged at " + luhnFailing("17" + digits(rnd, 11)) + " ms " + word(rnd);
            case 1 -> word(rnd) + " call +" + (1 + rnd.nextInt(98)) + " " + luhnFailing(digits(rnd, 3) + " "
                    + digits(rnd, 4) + " " + digits(rnd, 4));
            default -> word(rnd) + " IBAN " + iban(rnd) + " " + word(rnd);
        };
        assertEquals(text, redactor.redact(text).text(), text);
    }

    private void assertNoWindowLeft(String text, String pan) {
        Redaction r = redactor.redact(text);
        String left = PciFailureShapesTest.readableDigits(r.text());
        for (int i = 0; i + 5 <= pan.length(); i++) {
            assertFalse(left.contains(pan.substring(i, i + 5)),
                    "window " + i + " readable. in: " + text + "\nout: " + r.text());
        }
    }

    private static String surround(String number, Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            sb.append(word(rnd)).append(' ');
        }
        sb.append(number);
        for (int i = rnd.nextInt(4); i > 0; i--) {
            sb.append(' ').append(word(rnd));
        }
        return sb.toString();
    }

    private static String word(Random rnd) {
        return AROUND[rnd.nextInt(AROUND.length)];
    }

    private static String digits(Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(rnd.nextInt(10));
        }
        return sb.toString();
    }

    /** The same number with its last digit changed until the digits fail Luhn. */
    private static String luhnFailing(String s) {
        String digitsOnly = s.replaceAll("\\D", "");
        if (!PciFailureShapesTest.luhn(digitsOnly)) {
            return s;
        }
        char last = s.charAt(s.length() - 1);
        return s.substring(0, s.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    /** A checksum-valid German IBAN, printed in groups of four. */
    private static String iban(Random rnd) {
        String bban = digits(rnd, 18);
        java.math.BigInteger n = new java.math.BigInteger(bban + "131400"); // D=13 E=14 00
        int check = 98 - n.mod(java.math.BigInteger.valueOf(97)).intValue();
        String raw = "DE" + (check < 10 ? "0" : "") + check + bban;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(raw, i, Math.min(i + 4, raw.length()));
        }
        return sb.toString();
    }
}
