package io.wem.governance.pcicorpus;

import io.wem.governance.pcicorpus.Corpus.Builder;

import java.math.BigInteger;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Harmless numbers that look like card data to a careless detector: millisecond timestamps, phone numbers, IBANs,
 * order numbers that fail Luhn, amounts, dates, everyday number words. A number of 12–19 digits is only used when
 * it fails Luhn (a Luhn-valid one in an issuer range must be redacted), except timestamps, which start with 1.
 */
final class Decoys {

    private final RandomGenerator rnd;
    private final Renderer render;

    Decoys(RandomGenerator rnd, Renderer render) {
        this.rnd = rnd;
        this.render = render;
    }

    /** Appends one sentence holding one harmless number (recorded as a decoy) to the current turn. */
    void sentence(Builder b) {
        switch (rnd.nextInt(9)) {
            case 0 -> around(b, new String[] {"the event was logged at {}", "timestamp {} in the app",
                "error at {} ms", "it says created {}"}, timestamp());
            case 1 -> around(b, new String[] {"you can call me back on {}", "my phone is {}", "ring {} after five",
                "the number to reach me is {}"}, phone());
            case 2 -> around(b, new String[] {"my IBAN is {}", "pay it to {} please", "the refund goes to {}",
                "bank account {}"}, iban());
            case 3 -> around(b, new String[] {"my order number is {}", "the parcel reference is {}",
                "ticket {} from last week", "order {} never arrived", "the tracking number is {}"},
                luhnFailing());
            case 4 -> around(b, new String[] {"I was charged {}", "the bill was {} this month",
                "it came to {} in total", "refund of {} please"}, amount());
            case 5 -> around(b, new String[] {"it was delivered on {}", "I ordered on {}", "since {}",
                "the appointment is {}"}, date());
            case 6 -> around(b, new String[] {"{}", "honestly {}"}, everyday());
            case 7 -> around(b, new String[] {"call me on {}", "my mobile is {}"}, spokenPhone());
            default -> around(b, new String[] {"the postcode is {}", "my date of birth is {}",
                "flat {}"}, rnd.nextBoolean() ? "SW1A " + (1 + rnd.nextInt(9)) + "AA"
                    : String.format(Locale.ROOT, "%02d/%02d/19%02d", 1 + rnd.nextInt(28), 1 + rnd.nextInt(12),
                        40 + rnd.nextInt(60)));
        }
    }

    private void around(Builder b, String[] forms, String number) {
        String f = render.pick(forms);
        int at = f.indexOf("{}");
        b.text(f.substring(0, at)).decoy(number).text(f.substring(at + 2));
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + rnd.nextInt(10)));
        }
        return s.toString();
    }

    String timestamp() {
        return Long.toString(1_600_000_000_000L + (long) (rnd.nextDouble() * 200_000_000_000L));
    }

    String phone() {
        return switch (rnd.nextInt(5)) {
            case 0 -> "+1 (" + (200 + rnd.nextInt(800)) + ") 555-" + digits(4);
            case 1 -> "07" + digits(3) + " " + digits(6);
            case 2 -> "+44 20 " + digits(4) + " " + digits(4);
            case 3 -> (200 + rnd.nextInt(800)) + "-" + digits(3) + "-" + digits(4);
            default -> "+49 30 " + digits(8);
        };
    }

    String spokenPhone() {
        StringBuilder s = new StringBuilder("oh seven");
        String rest = digits(9);
        for (char c : rest.toCharArray()) {
            s.append(' ').append(render.digitWord(c, true));
        }
        return s.toString();
    }

    /** A GB or DE IBAN with a valid mod-97 check, printed in groups of four; digit runs that pass Luhn are avoided. */
    String iban() {
        while (true) {
            boolean gb = rnd.nextBoolean();
            String bban = gb ? render.pick(new String[] {"NWBK", "BARC", "LOYD", "MIDL"}) + digits(14) : digits(18);
            String country = gb ? "GB" : "DE";
            String check = String.format(Locale.ROOT, "%02d", 98 - mod97(bban + country + "00"));
            String iban = country + check + bban;
            String allDigits = iban.replaceAll("\\D", "");
            if (isCardLike(allDigits) || isCardLike(bban.replaceAll("\\D", ""))) {
                continue;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < iban.length(); i += 4) {
                out.append(i > 0 ? " " : "").append(iban, i, Math.min(iban.length(), i + 4));
            }
            return out.toString();
        }
    }

    private static int mod97(String s) {
        StringBuilder n = new StringBuilder();
        for (char c : s.toCharArray()) {
            n.append(Character.isLetter(c) ? Integer.toString(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(n.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    private static boolean isCardLike(String digits) {
        return digits.length() >= 12 && digits.length() <= 19 && CardIssuers.luhn(digits);
    }

    /** 12–19 digits that fail Luhn, often with a card-like prefix. */
    String luhnFailing() {
        while (true) {
            String d = (rnd.nextBoolean() ? CardIssuers.random(rnd).digits().substring(0, 6) : "") + digits(19);
            d = d.substring(0, 12 + rnd.nextInt(8));
            if (!CardIssuers.luhn(d)) {
                return rnd.nextInt(3) == 0 ? d.substring(0, 4) + "-" + d.substring(4) : d;
            }
        }
    }

    String amount() {
        return switch (rnd.nextInt(4)) {
            case 0 -> "$" + (1 + rnd.nextInt(9)) + "," + digits(3) + "." + digits(2);
            case 1 -> "£" + (10 + rnd.nextInt(990)) + "." + digits(2);
            case 2 -> (1 + rnd.nextInt(99)) + "," + digits(3) + "," + digits(3) + " euros";
            default -> render.pick(Renderer.UNITS) + " hundred and " + render.pick(new String[] {"twenty", "fifty",
                "ninety"}) + " pounds";
        };
    }

    String date() {
        int y = 2020 + rnd.nextInt(8);
        int m = 1 + rnd.nextInt(12);
        int d = 1 + rnd.nextInt(28);
        return switch (rnd.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "%d-%02d-%02d", y, m, d);
            case 1 -> String.format(Locale.ROOT, "%02d/%02d/%d", d, m, y);
            case 2 -> CorpusGenerator.MONTHS[m - 1] + " " + d + "th " + y;
            default -> String.format(Locale.ROOT, "%02d.%02d.%d %02d:%02d", d, m, y, rnd.nextInt(24), rnd.nextInt(60));
        };
    }

    String everyday() {
        return render.pick(new String[] {"I've got two kids and four dogs", "we waited forty five minutes",
            "it's the third time this year", "twenty twenty four was a bad year", "one or two things",
            "I'm sixty seven years old", "we're at number twelve", "three times, four maybe five"});
    }
}
