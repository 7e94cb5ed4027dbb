package io.wem.governance.pcicorpus;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The corpus generator's own issuer table (written from the card schemes' published ranges, not from the engine):
 * every brand, prefix range and length a generated card number can have.
 */
final class CardIssuers {

    /** One prefix range [low, high] (same number of digits) with the lengths cards in it have. */
    record Range(String brand, int low, int high, List<Integer> lengths) {
    }

    static final List<Range> RANGES = List.of(
            new Range("Visa", 4, 4, List.of(13, 16, 19)),
            new Range("Mastercard", 51, 55, List.of(16)),
            new Range("Mastercard", 2221, 2720, List.of(16)),
            new Range("Amex", 34, 34, List.of(15)),
            new Range("Amex", 37, 37, List.of(15)),
            new Range("Discover", 6011, 6011, List.of(16, 19)),
            new Range("Discover", 644, 649, List.of(16)),
            new Range("Discover", 65, 65, List.of(16, 19)),
            new Range("JCB", 3528, 3589, List.of(16, 17, 18, 19)),
            new Range("Diners", 36, 36, List.of(14)),
            new Range("Diners", 300, 305, List.of(14, 16)),
            new Range("Diners", 38, 39, List.of(16)),
            new Range("UnionPay", 62, 62, List.of(16, 17, 18, 19)),
            new Range("Maestro", 6759, 6759, List.of(12, 13, 16, 18, 19)),
            new Range("Maestro", 5018, 5018, List.of(12, 16, 19)),
            new Range("Maestro", 5020, 5020, List.of(16, 19)),
            new Range("Maestro", 5038, 5038, List.of(16, 19)),
            new Range("Maestro", 6304, 6304, List.of(16, 19)),
            new Range("Maestro", 6761, 6763, List.of(16, 19)),
            new Range("Mir", 2200, 2204, List.of(16, 17, 18, 19)),
            new Range("RuPay", 60, 60, List.of(16)),
            new Range("RuPay", 65, 65, List.of(16)),
            new Range("RuPay", 81, 82, List.of(16)),
            new Range("RuPay", 508, 508, List.of(16)),
            new Range("Verve", 506100, 506198, List.of(16, 18, 19)),
            new Range("Verve", 650002, 650027, List.of(16, 18, 19)),
            new Range("Troy", 9792, 9792, List.of(16)));

    /** A generated card number and its brand. */
    record Card(String brand, String digits) {
    }

    private CardIssuers() {
    }

    static Card random(RandomGenerator rnd) {
        Range r = RANGES.get(rnd.nextInt(RANGES.size()));
        return random(rnd, r);
    }

    static Card random(RandomGenerator rnd, Range r) {
        int length = r.lengths().get(rnd.nextInt(r.lengths().size()));
        String prefix = Integer.toString(r.low() + rnd.nextInt(r.high() - r.low() + 1));
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < length - 1) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        b.append(checkDigit(b));
        return new Card(r.brand(), b.toString());
    }

    /** The Luhn check digit that makes {@code body + digit} valid. */
    static char checkDigit(CharSequence body) {
        int sum = 0;
        boolean twice = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static boolean luhn(CharSequence digits) {
        return digits.length() > 1
                && checkDigit(digits.subSequence(0, digits.length() - 1)) == digits.charAt(digits.length() - 1);
    }
}
