package io.wem.demo.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Luhn-valid test card numbers and the ways a caller reads them out or types them, so transcripts exercise the
 * suite's PCI redaction the way real calls do. Prefixes are issuers' documented test ranges (Visa 4111/4242,
 * Mastercard 5555/2223, Amex 3782/3714, Discover 6011): nothing here is a real account.
 */
public final class CardNumbers {

    private static final String[] PREFIXES = {"411111", "424242", "555555", "222300", "378282", "371449", "601111"};
    private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    private CardNumbers() {
    }

    /** A Luhn-valid PAN: 15 digits for Amex prefixes (34/37), 16 otherwise. */
    public static String newPan(SplittableRandom rnd) {
        String prefix = PREFIXES[rnd.nextInt(PREFIXES.length)];
        int length = prefix.startsWith("34") || prefix.startsWith("37") ? 15 : 16;
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < length - 1) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        sb.append(luhnCheckDigit(sb));
        return sb.toString();
    }

    /** The digit that makes {@code payload} + digit pass Luhn. */
    public static char luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        boolean dbl = true; // the check digit will sit right of the last payload digit
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    public static boolean luhnValid(CharSequence digits) {
        if (digits.length() < 2) {
            return false;
        }
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** How a PAN appears in a transcript. */
    public enum Form { DIGITS, SPACED, DASHED, SPOKEN, SPOKEN_WITH_OH_AND_DOUBLES, MIXED }

    public static String render(String pan, Form form) {
        switch (form) {
            case DIGITS:
                return pan;
            case SPACED:
                return grouped(pan, " ");
            case DASHED:
                return grouped(pan, "-");
            case SPOKEN:
                return spoken(pan, false);
            case SPOKEN_WITH_OH_AND_DOUBLES:
                return spoken(pan, true);
            case MIXED: {
                // first half typed as digits in groups of four, the rest read out: "4111 1111 one one one one ..."
                int half = pan.length() / 2 / 4 * 4;
                return grouped(pan.substring(0, half), " ") + " " + spoken(pan.substring(half), false);
            }
            default:
                throw new IllegalArgumentException(form.name());
        }
    }

    private static String grouped(String digits, String sep) {
        List<String> groups = new ArrayList<>();
        if (digits.length() == 15) { // Amex is read 4-6-5
            groups.add(digits.substring(0, 4));
            groups.add(digits.substring(4, 10));
            groups.add(digits.substring(10));
        } else {
            for (int i = 0; i < digits.length(); i += 4) {
                groups.add(digits.substring(i, Math.min(digits.length(), i + 4)));
            }
        }
        return String.join(sep, groups);
    }

    private static String spoken(String digits, boolean ohAndDoubles) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < digits.length()) {
            int d = digits.charAt(i) - '0';
            int run = 1;
            while (i + run < digits.length() && digits.charAt(i + run) == digits.charAt(i)) {
                run++;
            }
            String word = ohAndDoubles && d == 0 ? "oh" : WORDS[d];
            if (ohAndDoubles && run >= 3) {
                words.add("triple " + word);
                i += 3;
            } else if (ohAndDoubles && run == 2) {
                words.add("double " + word);
                i += 2;
            } else {
                words.add(word);
                i += 1;
            }
        }
        return String.join(" ", words);
    }

    /** Every 13-19 digit card-shaped number in {@code text} written as digits, optionally split by single spaces, dashes or dots. */
    public static List<String> digitPansIn(String text) {
        List<String> found = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\0';
            if (c >= '0' && c <= '9') {
                run.append(c);
            } else if ((c == ' ' || c == '-' || c == '.') && run.length() > 0 && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)) && i > 0 && Character.isDigit(text.charAt(i - 1))) {
                continue; // a separator inside a number
            } else {
                if (run.length() >= 13) {
                    collectWindows(run.toString(), found);
                }
                run.setLength(0);
            }
        }
        return found;
    }

    private static void collectWindows(String digits, List<String> found) {
        for (int len = 19; len >= 13; len--) {
            for (int s = 0; s + len <= digits.length(); s++) {
                String candidate = digits.substring(s, s + len);
                if (luhnValid(candidate)) {
                    found.add(candidate);
                    return;
                }
            }
        }
    }

    /** Spoken digits ("four one one ...", "oh", "double four", "triple seven") turned back to a digit string per run. */
    public static List<String> spokenPansIn(String text) {
        List<String> found = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        String[] tokens = text.toLowerCase().split("[^a-z0-9]+");
        int repeat = 1;
        for (int i = 0; i <= tokens.length; i++) {
            String t = i < tokens.length ? tokens[i] : "";
            if (t.equals("double")) {
                repeat = 2;
                continue;
            }
            if (t.equals("triple")) {
                repeat = 3;
                continue;
            }
            int d = digitOf(t);
            if (d >= 0) {
                for (int r = 0; r < repeat; r++) {
                    run.append((char) ('0' + d));
                }
            } else if (t.matches("[0-9]+") && run.length() > 0 || t.matches("[0-9]{4}")) {
                run.append(t);
            } else if (!t.isEmpty() || i == tokens.length) {
                if (run.length() >= 13) {
                    collectWindows(run.toString(), found);
                }
                run.setLength(0);
            }
            repeat = 1;
        }
        return found;
    }

    private static int digitOf(String word) {
        if (word.equals("oh")) {
            return 0;
        }
        for (int d = 0; d < WORDS.length; d++) {
            if (WORDS[d].equals(word)) {
                return d;
            }
        }
        return -1;
    }
}
