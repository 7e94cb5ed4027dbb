package io.wem.testing.pci;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tests' own reader of numbers in text, typed or spoken ("four one one one", "oh", "double", "forty-one",
 * "four hundred and twelve", fillers, "no, I mean" corrections, sound-alikes like "for"/"to" next to digits), used by
 * governance's PCI corpus evaluation and by the system tests' card scanner to decide whether redacted or stored text
 * still lets a person read card digits. It is deliberately generous (it reads more than a careful listener would),
 * so a leak is never missed because the reader was strict. Shares nothing with the redaction engine.
 */
public final class SpokenDigitReader {

    private static final Map<String, String> DIGIT_WORDS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("oh", "0"), Map.entry("o", "0"), Map.entry("nought", "0"),
            Map.entry("naught", "0"), Map.entry("nil", "0"), Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"));
    /** Transcription sound-alikes: digits only next to another number. */
    private static final Map<String, String> SOUND_ALIKES = Map.of(
            "won", "1", "to", "2", "too", "2", "for", "4", "fore", "4", "ate", "8", "tree", "3");
    private static final Map<String, String> TEENS = Map.of(
            "ten", "10", "eleven", "11", "twelve", "12", "thirteen", "13", "fourteen", "14", "fifteen", "15",
            "sixteen", "16", "seventeen", "17", "eighteen", "18", "nineteen", "19");
    private static final Map<String, String> TENS = Map.of(
            "twenty", "2", "thirty", "3", "forty", "4", "fourty", "4", "fifty", "5", "sixty", "6", "seventy", "7",
            "eighty", "8", "ninety", "9");
    /** Words people put between digits without ending the number. */
    private static final Set<String> FILLERS = Set.of("um", "uh", "er", "erm", "uhm", "ah", "hmm", "mm", "and",
            "let", "me", "see", "hang", "on", "hold", "a", "sec", "second", "okay", "ok", "so", "then", "like",
            "yeah", "right", "the", "rest", "is", "it's", "its", "that's", "next", "ones", "are", "bit", "last");
    private static final Set<String> CORRECTIONS = Set.of("no", "sorry", "wait", "mean", "actually", "scratch");
    /** More than this many other words in a row end a number. */
    private static final int MAX_FOREIGN_WORDS = 5;

    private enum Kind { DIGIT, WEAK, TEEN, TENS, HUNDRED, THOUSAND, DOUBLE, TRIPLE, FILLER, CORRECTION, WORD, BREAK }

    private record Token(Kind kind, String value) {
    }

    private SpokenDigitReader() {
    }

    /**
     * Every 5-digit window a reader can get from the text: runs of digits read with fillers and separators
     * skipped, each also read with spoken corrections applied ("four one, no, four two" = 42). A ten followed by a
     * digit is read both ways ("forty seven" = 47, and 40 7 as in "three hundred six, forty, seven"): a listener
     * cannot tell them apart, so both count (see {@link #readings}).
     */
    public static Set<String> windows(String text, int width) {
        Set<String> out = new HashSet<>();
        for (Run run : readings(text)) {
            addWindows(out, run.raw.toString(), width);
            for (String reading : corrected(run)) {
                addWindows(out, reading, width);
            }
        }
        return out;
    }

    private static void addWindows(Set<String> out, String digits, int width) {
        for (int i = 0; i + width <= digits.length(); i++) {
            out.add(digits.substring(i, i + width));
        }
    }

    /**
     * The digits of the text in reading order, as runs (numbers separated by more than a few other words); runs
     * with a ten before a digit come more than once, read both ways ({@link #readings}).
     */
    public static List<String> digitRuns(String text) {
        List<String> out = new ArrayList<>();
        for (Run r : readings(text)) {
            if (!r.raw.isEmpty() && !out.contains(r.raw.toString())) {
                out.add(r.raw.toString());
            }
        }
        return out;
    }

    private static final class Run {
        final StringBuilder raw = new StringBuilder();
        final List<Integer> corrections = new ArrayList<>();
    }

    /**
     * The runs of the text read with every ten taking the digit after it ("forty seven" = 47), with none taking it
     * (40 7), and with each one alone not taking it: a 5-digit window spans at most a couple of tens, so every
     * window a listener could hear is in one of these readings.
     */
    private static List<Run> readings(String text) {
        List<Token> tokens = tokenize(text);
        int tensBeforeDigit = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            tensBeforeDigit += tokens.get(i).kind == Kind.TENS && tokens.get(i + 1).kind == Kind.DIGIT ? 1 : 0;
        }
        List<Run> out = new ArrayList<>(runs(tokens, -1));
        if (tensBeforeDigit > 0) {
            out.addAll(runs(tokens, -2));
            for (int k = 0; tensBeforeDigit > 1 && k < tensBeforeDigit; k++) {
                out.addAll(runs(tokens, k));
            }
        }
        return out;
    }

    /** The runs of the tokens; {@code split}: -1 no ten is split from its digit, -2 all are, k only the k-th. */
    private static List<Run> runs(List<Token> tokens, int split) {
        int tensSeen = 0;
        List<Run> runs = new ArrayList<>();
        Run run = new Run();
        int foreign = 0;
        int multiplier = 1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String emit = null;
            switch (t.kind) {
                case DIGIT -> emit = t.value;
                case WEAK -> {
                    if (isNumeric(tokens, i - 1, -1) || isNumeric(tokens, i + 1, 1)) {
                        emit = t.value;
                    } else {
                        foreign++;
                    }
                }
                case TEEN -> emit = t.value;
                case TENS -> {
                    Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                    boolean splitHere = next != null && next.kind == Kind.DIGIT
                            && (split == -2 || split == tensSeen++);
                    if (!splitHere && next != null && next.kind == Kind.DIGIT && !next.value.equals("0")) {
                        emit = t.value + next.value;
                        i++;
                    } else {
                        emit = t.value + "0";
                    }
                }
                case HUNDRED -> emit = padAfter(tokens, i, 2);
                case THOUSAND -> emit = padAfter(tokens, i, 3);
                case DOUBLE -> multiplier = 2;
                case TRIPLE -> multiplier = 3;
                case FILLER -> { }
                case CORRECTION -> {
                    if (run.corrections.isEmpty() || run.corrections.get(run.corrections.size() - 1) != run.raw.length()) {
                        run.corrections.add(run.raw.length());
                    }
                }
                case WORD -> foreign++;
                case BREAK -> foreign = MAX_FOREIGN_WORDS + 1;
            }
            if (emit != null) {
                if (foreign > MAX_FOREIGN_WORDS) {
                    runs.add(run);
                    run = new Run();
                }
                foreign = 0;
                run.raw.append(emit.repeat(emit.length() == 1 ? multiplier : 1));
                multiplier = 1;
            }
        }
        runs.add(run);
        return runs;
    }

    /** "four hundred" = 400, "four hundred and five" = 405, "four hundred twelve" = 412 (the 4 is already read). */
    private static String padAfter(List<Token> tokens, int i, int zeros) {
        int j = i + 1;
        while (j < tokens.size() && tokens.get(j).kind == Kind.FILLER && tokens.get(j).value.equals("and")) {
            j++;
        }
        Kind next = j < tokens.size() ? tokens.get(j).kind : Kind.BREAK;
        if (next == Kind.DIGIT && zeros >= 1) {
            return "0".repeat(zeros - 1);
        }
        if (next == Kind.TEEN || next == Kind.TENS) {
            return "0".repeat(zeros - 2);
        }
        return "0".repeat(zeros);
    }

    private static boolean isNumeric(List<Token> tokens, int i, int step) {
        for (int j = i; j >= 0 && j < tokens.size(); j += step) {
            Kind k = tokens.get(j).kind;
            if (k == Kind.FILLER || k == Kind.WEAK) {
                continue;
            }
            return k == Kind.DIGIT || k == Kind.TEEN || k == Kind.TENS || k == Kind.DOUBLE || k == Kind.TRIPLE;
        }
        return false;
    }

    /**
     * Readings with spoken corrections applied: the restated digits replace the ones said just before
     * "no"/"sorry". "Sorry" is also just a filler, so each correction alone and all of them together are readings.
     */
    private static List<String> corrected(Run run) {
        String raw = run.raw.toString();
        List<String> out = new ArrayList<>();
        String all = raw;
        for (int c = run.corrections.size() - 1; c >= 0; c--) {
            int p = run.corrections.get(c);
            out.add(apply(raw, p));
            all = apply(all, p);
        }
        out.add(all);
        return out;
    }

    private static String apply(String s, int p) {
        if (p == 0 || p >= s.length()) {
            return s;
        }
        int drop = 1;
        for (int k = 2; k <= 3; k++) {
            if (p - k >= 0 && p + k - 1 <= s.length() && s.substring(p - k, p - 1).equals(s.substring(p, p + k - 1))) {
                drop = k;
                break;
            }
        }
        return s.substring(0, p - drop) + s.substring(p);
    }

    private static List<Token> tokenize(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (Character.isDigit(c)) {
                out.add(new Token(Kind.DIGIT, Integer.toString(Character.digit(c, 10))));
                i++;
            } else if (Character.isLetter(c) || c == '\'') {
                int s = i;
                while (i < t.length() && (Character.isLetter(t.charAt(i)) || t.charAt(i) == '\'')) {
                    i++;
                }
                out.add(word(t.substring(s, i)));
            } else {
                if (c == '[' || c == ']') {
                    out.add(new Token(Kind.BREAK, ""));
                }
                i++; // separators, punctuation and invisible characters do not end a number
            }
        }
        return out;
    }

    private static Token word(String w) {
        if (DIGIT_WORDS.containsKey(w)) {
            return new Token(Kind.DIGIT, DIGIT_WORDS.get(w));
        }
        if (SOUND_ALIKES.containsKey(w)) {
            return new Token(Kind.WEAK, SOUND_ALIKES.get(w));
        }
        if (TEENS.containsKey(w)) {
            return new Token(Kind.TEEN, TEENS.get(w));
        }
        if (TENS.containsKey(w)) {
            return new Token(Kind.TENS, TENS.get(w));
        }
        return switch (w) {
            case "hundred" -> new Token(Kind.HUNDRED, "");
            case "thousand" -> new Token(Kind.THOUSAND, "");
            case "double" -> new Token(Kind.DOUBLE, "");
            case "triple" -> new Token(Kind.TRIPLE, "");
            default -> FILLERS.contains(w) ? new Token(Kind.FILLER, w)
                    : CORRECTIONS.contains(w) ? new Token(Kind.CORRECTION, w) : new Token(Kind.WORD, w);
        };
    }
}
