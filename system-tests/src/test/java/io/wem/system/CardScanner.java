package io.wem.system;

import io.wem.demo.generator.CardNumbers;
import io.wem.testing.pci.SpokenDigitReader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds payment card numbers in stored text: 13–19 digits that pass Luhn and start with an issuer's range, written
 * contiguously, split by single spaces, dashes or dots, or spoken ("four one one one …", "oh", "double", "triple",
 * "forty-one", "four hundred and twelve", with fillers and corrections: {@link SpokenDigitReader}); of a planted
 * card number, already 10 readable digits in a row count.
 * The issuer check keeps Luhn's one-in-ten chance from flagging timestamps and counters (a 13-digit epoch-millis
 * value starts with 1); the {@code known} PANs a test planted are matched whatever the issuer. Findings are masked:
 * a failing test must not print the number it found.
 */
public final class CardScanner {

    /** A spoken digit as the demo's transcripts and the spoken reader know them. */
    private static final Pattern SPOKEN_DIGIT = Pattern.compile(
            "(?i)\\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)\\b");
    /** UUIDs (whatever their digits) and hex hashes/ids of 16+ characters mixing letters and digits. */
    private static final Pattern HEX_ID = Pattern.compile("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"
            + "|\\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{16,}\\b");

    /** Words only the spoken reader understands. */
    private static final Pattern SPOKEN_WORDS = Pattern.compile("(?i)\\b(?:zero|oh|nought|one|two|three|four|five|"
            + "six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
            + "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|double|triple)\\b");
    /** Digits of a planted card number that may not be readable in a row anywhere (a PAN leaks long before 16). */
    static final int READABLE_PART = 10;

    private final Set<String> known;

    public CardScanner(Collection<String> knownPans) {
        this.known = new LinkedHashSet<>(knownPans);
    }

    /** Masked card numbers found in {@code text} (empty when clean). */
    public List<String> find(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.length() < 13) {
            return out;
        }
        Set<String> candidates = new LinkedHashSet<>();
        digitRuns(text, candidates);
        if (SPOKEN_DIGIT.matcher(text).find()) {
            // the spoken reader chains 4-digit tokens too (for "4111 1111 one one ..."): ids must not feed it
            candidates.addAll(CardNumbers.spokenPansIn(HEX_ID.matcher(text).replaceAll(" ")));
        }
        for (String c : candidates) {
            // a run of 13-19 digits is one number; only a longer run (numbers glued together) is cut into windows
            int maxLen = Math.min(19, c.length());
            int minLen = c.length() <= 19 ? c.length() : 13;
            for (int len = maxLen; len >= minLen; len--) {
                for (int s = 0; s + len <= c.length(); s++) {
                    String w = c.substring(s, s + len);
                    if (known.contains(w) || (CardNumbers.luhnValid(w) && issuerRange(w))) {
                        out.add(mask(w));
                    }
                }
            }
        }
        // Read as a listener would (teens, tens, "hundred", fillers, corrections, sound-alikes, any separator, full-width
        // digits, digits glued to letters): a planted PAN of which 10 digits in a row can be read is a finding; so
        // is any number of 13-19 digits read from words that passes Luhn in an issuer range.
        boolean spoken = SPOKEN_WORDS.matcher(text).find();
        for (String run : SpokenDigitReader.digitRuns(HEX_ID.matcher(text).replaceAll(" [id] "))) {
            for (String pan : known) {
                if (readablePart(pan, run) && !out.contains(mask(pan))) {
                    out.add(mask(pan));
                }
            }
            if (spoken && run.length() >= 13 && run.length() <= 19 && CardNumbers.luhnValid(run) && issuerRange(run)
                    && !out.contains(mask(run))) {
                out.add(mask(run));
            }
        }
        // a planted PAN hidden by unusual separators (e.g. "4111 - 1111") still counts
        String digitsOnly = text.replaceAll("[^0-9]", "");
        for (String pan : known) {
            if (digitsOnly.contains(pan) && !out.contains(mask(pan)) && text.replaceAll("[\\s.\\-/]", "").contains(pan)) {
                out.add(mask(pan));
            }
        }
        return out;
    }

    /**
     * Digit runs where single spaces, dashes or dots between digits do not break the run — as a card is typed
     * ("4111 1111 1111 1111", "3782-822463-10005"). Not card numbers, and skipped: a run glued to letters (a digit
     * stretch inside a hex hash or an id such as "e3-3145-8076-9dd9") and a separated run whose groups are not card
     * groups (3–6 digits, the last one 1–6): UUIDs (8-4-4-4-12), dates (4-2-2), decimals ("2592000.000000000").
     */
    static void digitRuns(String text, Set<String> sink) {
        StringBuilder run = new StringBuilder();
        List<Integer> groups = new ArrayList<>();
        int group = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : '\0';
            if (ch >= '0' && ch <= '9') {
                if (start < 0) {
                    start = i;
                }
                run.append(ch);
                group++;
            } else if ((ch == ' ' || ch == '-' || ch == '.') && run.length() > 0 && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1))) {
                groups.add(group);
                group = 0;
            } else {
                if (run.length() > 0) {
                    groups.add(group);
                    boolean glued = (start > 0 && Character.isLetter(text.charAt(start - 1)))
                            || (i < text.length() && Character.isLetter(ch));
                    if (run.length() >= 13 && !glued && cardGroups(groups)) {
                        sink.add(run.toString());
                    }
                }
                run.setLength(0);
                groups.clear();
                group = 0;
                start = -1;
            }
        }
    }

    private static boolean cardGroups(List<Integer> groups) {
        if (groups.size() == 1) {
            return true;
        }
        for (int g = 0; g < groups.size(); g++) {
            int len = groups.get(g);
            boolean last = g == groups.size() - 1;
            if (len > 6 || len < (last ? 1 : 3)) {
                return false;
            }
        }
        return true;
    }

    /** Issuer identification ranges of the card brands the redaction must know (PCI DSS scope). */
    static boolean issuerRange(String pan) {
        int len = pan.length();
        int p2 = Integer.parseInt(pan.substring(0, 2));
        int p3 = Integer.parseInt(pan.substring(0, 3));
        int p4 = Integer.parseInt(pan.substring(0, 4));
        int p6 = Integer.parseInt(pan.substring(0, 6));
        if (pan.charAt(0) == '4') {
            return len == 13 || len == 16 || len == 19; // Visa
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return len == 16; // Mastercard
        }
        if (p2 == 34 || p2 == 37) {
            return len == 15; // Amex
        }
        if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) {
            return len >= 16; // Discover
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return len >= 16; // JCB
        }
        if (p2 == 36 || p2 == 38 || (p3 >= 300 && p3 <= 305)) {
            return len >= 14; // Diners
        }
        if (p2 == 62) {
            return len >= 16; // UnionPay
        }
        return p2 == 50 || (p2 >= 56 && p2 <= 69); // Maestro (12–19; 13+ here)
    }

    private static boolean readablePart(String pan, String run) {
        for (int i = 0; i + READABLE_PART <= pan.length(); i++) {
            if (run.contains(pan.substring(i, i + READABLE_PART))) {
                return true;
            }
        }
        return false;
    }

    static String mask(String pan) {
        return pan.substring(0, 4) + "…" + pan.substring(pan.length() - 2) + " (" + pan.length() + " digits)";
    }
}
