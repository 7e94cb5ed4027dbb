package io.wem.governance.redteam;

import io.wem.governance.redteam.RedTeamCase.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Adversarial, seeded generator of contact-center transcripts with card numbers, security codes and expiry dates
 * rendered as people type and say them (and as speech recognisers write them down), plus hard negatives. Its issuer
 * table, word lists and phrasing were written from scratch for the red team, blind to the engine and to the
 * project's other corpus generators: the point is to measure the engine on data it was not tuned on.
 */
public final class RedTeamGenerator {

    /** An issuer: a name, prefixes (ranges "a-b" allowed) and the lengths its PANs take. */
    record Brand(String name, String[] prefixes, int[] lengths) {
    }

    static final List<Brand> BRANDS = List.of(
            new Brand("visa", new String[] {"4"}, new int[] {13, 16, 19}),
            new Brand("visa-electron", new String[] {"4026", "417500", "4508", "4844", "4913", "4917"}, new int[] {16}),
            new Brand("mastercard", new String[] {"51-55", "2221-2720"}, new int[] {16}),
            new Brand("amex", new String[] {"34", "37"}, new int[] {15}),
            new Brand("discover", new String[] {"6011", "644-649", "65", "622126-622925"}, new int[] {16, 19}),
            new Brand("jcb", new String[] {"3528-3589"}, new int[] {16, 17, 18, 19}),
            new Brand("diners", new String[] {"36", "300-305", "38"}, new int[] {14, 16}),
            new Brand("unionpay", new String[] {"62"}, new int[] {16, 17, 18, 19}),
            new Brand("maestro", new String[] {"5018", "5020", "5038", "5893", "6304", "6759", "6761", "6762", "6763"},
                    new int[] {12, 13, 15, 16, 19}),
            new Brand("mir", new String[] {"2200-2204"}, new int[] {16, 17, 18, 19}),
            new Brand("rupay", new String[] {"60", "6521", "6522", "508", "81", "82", "353", "356"}, new int[] {16}),
            new Brand("verve", new String[] {"506099-506198", "650002-650027", "507865-507964"},
                    new int[] {16, 18, 19}),
            new Brand("troy", new String[] {"9792"}, new int[] {16}));

    private final Random rnd;

    public RedTeamGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    // ---------------------------------------------------------------- numbers

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
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

    static char luhnCheckDigit(String body) {
        for (char c = '0'; c <= '9'; c++) {
            if (luhn(body + c)) {
                return c;
            }
        }
        throw new IllegalStateException();
    }

    String prefix(Brand b) {
        String p = b.prefixes()[rnd.nextInt(b.prefixes().length)];
        int dash = p.indexOf('-');
        if (dash < 0) {
            return p;
        }
        long lo = Long.parseLong(p.substring(0, dash));
        long hi = Long.parseLong(p.substring(dash + 1));
        return Long.toString(lo + (long) (rnd.nextDouble() * (hi - lo + 1)));
    }

    Brand brand() {
        return BRANDS.get(rnd.nextInt(BRANDS.size()));
    }

    /** A Luhn-valid PAN of the brand; {@code repeats} forces some doubled digits (for "double"/"triple" styles). */
    String pan(Brand b, boolean repeats) {
        int len = b.lengths()[rnd.nextInt(b.lengths().length)];
        StringBuilder s = new StringBuilder(prefix(b));
        while (s.length() < len - 1) {
            if (repeats && s.length() > 0 && rnd.nextInt(3) == 0) {
                s.append(s.charAt(s.length() - 1));
            } else {
                s.append((char) ('0' + rnd.nextInt(10)));
            }
        }
        s.append(luhnCheckDigit(s.toString()));
        return s.toString();
    }

    String randomDigits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + rnd.nextInt(10)));
        }
        return s.toString();
    }

    /** Digits that a careful reader would never take for a PAN: Luhn fails whenever the length is 12..19. */
    String nonPanDigits(int n, String lead) {
        while (true) {
            String s = lead + randomDigits(n - lead.length());
            if (n < 12 || n > 19 || !luhn(s)) {
                return s;
            }
        }
    }

    // ---------------------------------------------------------------- words

    static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    static final String[] TEENS = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"};
    static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};

    <T> T pick(T[] a) {
        return a[rnd.nextInt(a.length)];
    }

    <T> T pick(List<T> a) {
        return a.get(rnd.nextInt(a.size()));
    }

    boolean p(double prob) {
        return rnd.nextDouble() < prob;
    }

    String zeroWord() {
        return pick(new String[] {"zero", "oh", "o", "nought", "zero", "oh"});
    }

    /** How people with different habits say one digit; {@code asr} lets a recogniser's sound-alike through. */
    String digitWord(char c, String zero, boolean asr) {
        int d = c - '0';
        if (d == 0) {
            return zero;
        }
        if (asr && p(0.35)) {
            switch (d) {
                case 1: return "won";
                case 2: return pick(new String[] {"to", "too"});
                case 3: return "tree";
                case 4: return pick(new String[] {"for", "fore"});
                case 8: return "ate";
                case 9: return "niner";
                default: break;
            }
        }
        return ONES[d];
    }

    /** Digit by digit, optionally with double/triple runs. */
    String digitWise(String g, String zero, boolean compress, boolean asr, String sep) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            int run = 1;
            while (i + run < g.length() && g.charAt(i + run) == c && run < 3) {
                run++;
            }
            if (compress && run == 3 && p(0.8)) {
                words.add("triple " + digitWord(c, zero, asr));
                i += 3;
            } else if (compress && run >= 2 && p(0.85)) {
                words.add("double " + digitWord(c, zero, asr));
                i += 2;
            } else {
                words.add(digitWord(c, zero, asr));
                i++;
            }
        }
        return String.join(sep, words);
    }

    /** A two-digit group as a number word ("forty one", "forty-one", "oh five", "ten"). */
    String pairWords(String ab, String zero, boolean asr) {
        char a = ab.charAt(0);
        char b = ab.charAt(1);
        if (a == '0') {
            return zero + " " + digitWord(b, zero, asr);
        }
        if (a == '1') {
            return TEENS[b - '0'];
        }
        if (b == '0') {
            return TENS[a - '0'];
        }
        return TENS[a - '0'] + (p(0.5) ? "-" : " ") + digitWord(b, zero, asr);
    }

    /** A three-digit group: "four hundred and twelve", "four twelve", "four hundred". */
    String tripleWords(String abc, String zero, boolean asr) {
        if (abc.charAt(0) == '0') {
            return zero + " " + pairWords(abc.substring(1), zero, asr);
        }
        String head = ONES[abc.charAt(0) - '0'];
        String tail = abc.substring(1);
        if (tail.equals("00")) {
            return head + " hundred";
        }
        if (p(0.5)) {
            String rest = tail.charAt(0) == '0' ? digitWord(tail.charAt(1), zero, asr) : pairWords(tail, zero, asr);
            return head + " hundred " + (p(0.6) ? "and " : "") + rest;
        }
        return head + " " + pairWords(tail, zero, asr);
    }

    /** A four-digit group: as two pairs, "eleven hundred", "two thousand and five". */
    String quadWords(String abcd, String zero, boolean asr) {
        if (abcd.charAt(0) != '0' && abcd.substring(2).equals("00") && abcd.charAt(1) != '0' && p(0.7)) {
            return pairWords(abcd.substring(0, 2), zero, asr) + " hundred";
        }
        if (abcd.charAt(0) != '0' && abcd.charAt(1) == '0' && p(0.7)) {
            String rest = abcd.substring(2);
            String head = ONES[abcd.charAt(0) - '0'] + " thousand";
            if (rest.equals("00")) {
                return head;
            }
            return head + (p(0.5) ? " and " : " ")
                    + (rest.charAt(0) == '0' ? digitWord(rest.charAt(1), zero, asr) : pairWords(rest, zero, asr));
        }
        return pairWords(abcd.substring(0, 2), zero, asr) + " " + pairWords(abcd.substring(2), zero, asr);
    }

    /** Splits a PAN into the groups people read it in. */
    List<String> groups(String pan, String style) {
        List<Integer> sizes = new ArrayList<>();
        int n = pan.length();
        switch (style) {
            case "card" -> {
                if (n == 15) {
                    sizes.addAll(List.of(4, 6, 5));
                } else if (n == 14) {
                    sizes.addAll(List.of(4, 6, 4));
                } else {
                    for (int left = n; left > 0; left -= 4) {
                        sizes.add(Math.min(4, left));
                    }
                }
            }
            case "pairs" -> {
                for (int left = n; left > 0; left -= 2) {
                    sizes.add(Math.min(2, left));
                }
            }
            default -> {
                for (int left = n; left > 0; ) {
                    int s = Math.min(left, 1 + rnd.nextInt(5));
                    sizes.add(s);
                    left -= s;
                }
            }
        }
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int s : sizes) {
            out.add(pan.substring(at, at + s));
            at += s;
        }
        return out;
    }

    /** A separator that cannot glue "twenty" + "one" (or "four hundred" + "one") into one number when read. */
    String sepAfter(String rendered) {
        String t = rendered.toLowerCase();
        for (String w : new String[] {"ty", "hundred", "thousand"}) {
            if (t.endsWith(w)) {
                return pick(new String[] {", ", "... ", ". ", " - "});
            }
        }
        return groupSep();
    }

    String groupSep() {
        return pick(new String[] {" ", ", ", "... ", ". ", " - ", " ", ", ", " … "});
    }

    String filler() {
        return pick(new String[] {"um", "uh", "er", "erm", "sorry", "let me see", "hang on", "hmm", "ah",
            "just a sec", "just a moment", "where was I", "right", "okay"});
    }

    static String capitalizeSometimes(String s, Random r) {
        if (s.isEmpty() || r.nextInt(4) != 0) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // ---------------------------------------------------------------- typed renderings

    String sepRun() {
        String[] singles = {" ", "-", ".", "_", "*", "/", ",", "  ", "    ", "\t", " - ", "--", ", ", "\u00a0",
            "\u2009", "\u2013", "\u2014", "|", ":", "+", "\n"};
        return pick(singles);
    }

    String typed(String pan, boolean oddSeparators) {
        List<String> gs = groups(pan, p(0.6) ? "card" : "random");
        String sep = oddSeparators ? sepRun() : pick(new String[] {" ", "-", ".", " ", ""});
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < gs.size(); i++) {
            if (i > 0) {
                sb.append(oddSeparators && p(0.3) ? sepRun() : sep);
            }
            sb.append(gs.get(i));
        }
        return sb.toString();
    }

    static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) ('\uff10' + (c - '0')) : c);
        }
        return sb.toString();
    }

    static String mathBold(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') {
                sb.appendCodePoint(0x1D7CE + (c - '0'));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Invisible and bidi characters a copy-paste or a chat client leaves between digits. */
    String sprinkleInvisible(String s) {
        String[] inv = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202c",
            "\u00ad", "\u2066", "\u2069"};
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c);
            if (p(0.3)) {
                sb.append(pick(inv));
            }
        }
        return sb.toString();
    }

    String unicodeNoise(String pan) {
        String t = typed(pan, p(0.3));
        int mode = rnd.nextInt(5);
        return switch (mode) {
            case 0 -> fullWidth(t);
            case 1 -> sprinkleInvisible(t);
            case 2 -> mathBold(t);
            case 3 -> sprinkleInvisible(fullWidth(t));
            default -> "\u202b" + t + "\u202c";
        };
    }

    // ---------------------------------------------------------------- spoken renderings

    String spokenDigits(String pan, boolean compress, boolean asr) {
        String zero = zeroWord();
        String wsep = pick(new String[] {" ", " ", ", ", "-", " "});
        List<String> gs = groups(pan, p(0.6) ? "card" : "random");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < gs.size(); i++) {
            if (i > 0) {
                sb.append(groupSep());
            }
            sb.append(digitWise(gs.get(i), zero, compress, asr, wsep));
        }
        return capitalizeSometimes(sb.toString(), rnd);
    }

    String spokenPairs(String pan, boolean hundreds) {
        String zero = zeroWord();
        List<String> gs = groups(pan, p(0.5) ? "card" : (hundreds ? "random" : "pairs"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < gs.size(); i++) {
            if (i > 0) {
                sb.append(sepAfter(sb.toString()));
            }
            String g = gs.get(i);
            sb.append(switch (g.length()) {
                case 1 -> digitWord(g.charAt(0), zero, false);
                case 2 -> pairWords(g, zero, false);
                case 3 -> hundreds ? tripleWords(g, zero, false)
                        : digitWord(g.charAt(0), zero, false) + " " + pairWords(g.substring(1), zero, false);
                case 4 -> hundreds ? quadWords(g, zero, false)
                        : pairWords(g.substring(0, 2), zero, false) + " " + pairWords(g.substring(2), zero, false);
                default -> digitWise(g, zero, false, false, " ");
            });
        }
        return capitalizeSometimes(sb.toString(), rnd);
    }

    /** Each group in its own way: digits, digit words, pairs; sometimes half digits half words inside a group. */
    String mixed(String pan) {
        String zero = zeroWord();
        List<String> gs = groups(pan, p(0.5) ? "card" : "random");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < gs.size(); i++) {
            if (i > 0) {
                String prev = sb.toString().toLowerCase();
                sb.append(prev.endsWith("ty") ? ", " : pick(new String[] {" ", ", ", " ", "-"}));
            }
            String g = gs.get(i);
            int mode = rnd.nextInt(4);
            if (mode == 0) {
                sb.append(g);
            } else if (mode == 1) {
                sb.append(digitWise(g, zero, p(0.3), false, " "));
            } else if (mode == 2 && g.length() % 2 == 0) {
                List<String> ps = new ArrayList<>();
                for (int k = 0; k < g.length(); k += 2) {
                    ps.add(pairWords(g.substring(k, k + 2), zero, false));
                }
                sb.append(String.join(" ", ps));
            } else {
                List<String> ws = new ArrayList<>();
                for (char c : g.toCharArray()) {
                    ws.add(p(0.5) ? String.valueOf(c) : digitWord(c, zero, false));
                }
                sb.append(String.join(" ", ws));
            }
        }
        return sb.toString();
    }

    String withFillers(String pan) {
        String zero = zeroWord();
        List<String> gs = groups(pan, p(0.5) ? "card" : "random");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < gs.size(); i++) {
            if (i > 0) {
                if (p(0.7)) {
                    sb.append(pick(new String[] {"... ", ", ", " ", " - "})).append(filler())
                            .append(pick(new String[] {"... ", ", ", " ", "... ... "}));
                } else {
                    sb.append(sepAfter(sb.toString()));
                }
            }
            String g = gs.get(i);
            if (g.length() >= 3 && p(0.3)) {
                // a hesitation inside a group
                int cut = 1 + rnd.nextInt(g.length() - 1);
                sb.append(digitWise(g.substring(0, cut), zero, false, false, " ")).append(", ").append(filler())
                        .append(", ").append(digitWise(g.substring(cut), zero, false, false, " "));
            } else {
                sb.append(p(0.2) ? pairsOrDigits(g, zero) : digitWise(g, zero, p(0.3), false, " "));
            }
        }
        return capitalizeSometimes(sb.toString(), rnd);
    }

    private String pairsOrDigits(String g, String zero) {
        if (g.length() == 2) {
            return pairWords(g, zero, false);
        }
        if (g.length() == 4) {
            return pairWords(g.substring(0, 2), zero, false) + " " + pairWords(g.substring(2), zero, false);
        }
        return digitWise(g, zero, false, false, " ");
    }

    String wrongGroup(String g) {
        StringBuilder w = new StringBuilder(g);
        int at = rnd.nextInt(w.length());
        w.setCharAt(at, (char) ('0' + ((w.charAt(at) - '0' + 1 + rnd.nextInt(8)) % 10)));
        return w.toString();
    }

    /** "four one — no, four two": a wrong group, a correction, the right group; or a restart from the top. */
    String corrected(String pan, Function<String, String> say) {
        List<String> gs = groups(pan, p(0.7) ? "card" : "random");
        StringBuilder sb = new StringBuilder();
        boolean restarted = false;
        for (int i = 0; i < gs.size(); i++) {
            if (i > 0) {
                sb.append(groupSep());
            }
            if (p(0.35)) {
                sb.append(say.apply(wrongGroup(gs.get(i))))
                        .append(pick(new String[] {" — no, ", "... sorry, no, ", ", I mean ", ", wait, no, ",
                            " - scratch that - ", ", sorry, "}));
            }
            sb.append(say.apply(gs.get(i)));
            if (!restarted && i == gs.size() / 2 && p(0.25)) {
                restarted = true;
                sb.append(pick(new String[] {"... sorry, let me start again. ", ", hang on, from the top: ",
                    ". Actually let me read it again. "}));
                sb.append(String.join(" ", gs.subList(0, i + 1).stream().map(say).toList()));
            }
        }
        return sb.toString();
    }

    /** A group said twice, as people do to be sure ("four one one one, four one one one, yes"). */
    String repeated(String pan, Function<String, String> say) {
        List<String> gs = groups(pan, "card");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < gs.size(); i++) {
            if (i > 0) {
                sb.append(groupSep());
            }
            String g = say.apply(gs.get(i));
            sb.append(g);
            if (p(0.4)) {
                sb.append(pick(new String[] {", ", "... ", " - "})).append(g)
                        .append(pick(new String[] {"", ", yes", ", yeah", ", that's right", ""}));
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- context and distractors

    static final String[] INTROS = {"", "sure, it's ", "the card number is ", "ok ", "yeah so ", "it is ",
        "thanks for your call, the number is ", "the order was paid with ", "id ", "card: ", "cc ",
        "my visa is ", "long number on the front is ", "here you go ", "right, ", "it's the one ending... no wait, ",
        "number ", "ref ", "I'll read it out: ", "ready? ", "from the card: ", "account "};
    static final String[] OUTROS = {"", ".", " is my confirmation", " thanks", "?", " - did you get that?",
        " ok?", "!", " cheers", " and that's it", ", got it?", " ."};

    static final String[] AGENT_ACKS = {"okay", "mm-hmm", "go on", "yep", "sorry, you broke up there",
        "and the next bit?", "got it", "uh-huh", "right", "please continue", "one moment", "and then?",
        "sorry, could you repeat that?", "thank you"};

    static final String[] SMALL_TALK = {"Thank you for calling, how can I help you today?",
        "I'd like to pay my bill please.", "Can I take your postcode first?", "Is there anything else?",
        "Let me just pull up your account.", "The line is a bit noisy, sorry.", "Bear with me a moment.",
        "I've got the invoice in front of me.", "Can you confirm your full name?", "That's great, thanks.",
        "Your call may be recorded for training purposes.", "I'm going to take a card payment now.",
        "Sorry about the wait.", "I was charged twice last month.", "No problem at all."};

    String distractor(RedTeamCase c) {
        while (true) {
            int before = c.secrets.size();
            String d = distractorDraw(c);
            if (fairNegative(d)) {
                return d;
            }
            while (c.secrets.size() > before) {
                c.secrets.remove(c.secrets.size() - 1);
            }
        }
    }

    String distractorDraw(RedTeamCase c) {
        int k = rnd.nextInt(10);
        String text;
        String digits;
        switch (k) {
            case 0 -> {
                digits = nonPanDigits(10 + rnd.nextInt(9), String.valueOf(1 + rnd.nextInt(9)));
                text = digits;
                return "your order number is " + mark(c, digits, text);
            }
            case 1 -> {
                digits = "447" + nonPanDigits(9, "");
                text = "+44 " + digits.substring(2, 6) + " " + digits.substring(6);
                return "call us back on " + mark(c, digits, text);
            }
            case 2 -> {
                digits = "1" + nonPanDigits(10, "");
                text = "(" + digits.substring(1, 4) + ") " + digits.substring(4, 7) + "-" + digits.substring(7);
                return "my phone is " + mark(c, digits, text);
            }
            case 3 -> {
                text = "$" + (1 + rnd.nextInt(9)) + "," + randomDigits(3) + "." + randomDigits(2);
                return "the amount due is " + text;
            }
            case 4 -> {
                text = "20" + (20 + rnd.nextInt(9)) + "-" + String.format("%02d", 1 + rnd.nextInt(12)) + "-"
                        + String.format("%02d", 1 + rnd.nextInt(28)) + " " + String.format("%02d:%02d", rnd.nextInt(24),
                        rnd.nextInt(60));
                return "the last payment was on " + text;
            }
            case 5 -> {
                digits = nonPanDigits(10, "");
                text = digits;
                return "the case reference is " + mark(c, digits, text);
            }
            case 6 -> {
                return "your balance is " + (10 + rnd.nextInt(990)) + " dollars and " + rnd.nextInt(100) + " cents";
            }
            default -> {
                return pick(SMALL_TALK);
            }
        }
    }

    private String mark(RedTeamCase c, String digits, String text) {
        c.secret(Kind.DISTRACTOR, digits, "neg");
        return text;
    }

    // ---------------------------------------------------------------- cases

    public static final List<String> POSITIVE = List.of(
            "typed-plain", "typed-separators", "typed-unicode", "typed-glued", "context-misleading",
            "chat-typos", "chat-multiline", "spoken-digits", "spoken-oh-nought", "spoken-double-triple",
            "spoken-pairs", "spoken-hundreds", "spoken-fillers", "spoken-corrections", "spoken-repeats",
            "spoken-asr-soundalikes", "spoken-accent-and", "mixed-digits-words", "split-turns-typed",
            "split-turns-spoken", "split-turns-readback", "agent-readback", "long-transcript", "two-cards",
            "cvv-expiry-later");
    public static final List<String> NEGATIVE = List.of(
            "neg-order-numbers", "neg-phones", "neg-iban", "neg-timestamps", "neg-tracking", "neg-amounts",
            "neg-spoken-phone", "neg-dates-times");

    public List<RedTeamCase> generate(int perCategory) {
        List<RedTeamCase> out = new ArrayList<>();
        for (String cat : POSITIVE) {
            for (int i = 0; i < perCategory; i++) {
                out.add(positive(cat));
            }
        }
        for (String cat : NEGATIVE) {
            for (int i = 0; i < perCategory; i++) {
                out.add(negative(cat));
            }
        }
        return out;
    }

    RedTeamCase positive(String cat) {
        Brand b = brand();
        String pan = pan(b, cat.equals("spoken-double-triple"));
        switch (cat) {
            case "typed-plain": return single(cat, b, pan, typed(pan, false));
            case "typed-separators": return single(cat, b, pan, typed(pan, true));
            case "typed-unicode": return single(cat, b, pan, unicodeNoise(pan));
            case "typed-glued": {
                String t = typed(pan, false).replace(" ", p(0.5) ? "" : " ");
                String pre = pick(new String[] {"cc", "card#", "no.", "pan:", "CardNo", "x", "nr", "#", "visa",
                    "acct"});
                String post = pick(new String[] {"thanks", "exp", "pls", "", "ok", "x", "cheers"});
                RedTeamCase c = new RedTeamCase(cat, true);
                int id = c.secret(Kind.PAN, pan, b.name());
                c.say(pick(new String[] {"", "here: ", "my "}) + pre).saySecret(id, t).say(post);
                return c.done();
            }
            case "context-misleading": {
                RedTeamCase c = new RedTeamCase(cat, true);
                int id = c.secret(Kind.PAN, pan, b.name());
                String[] pres = {"thanks for your call, the number is ", "the order was paid with ", "id ",
                    "order ", "tracking ", "reference number ", "phone ", "invoice ", "timestamp ", "ticket #",
                    "my account id is ", "IBAN "};
                c.say(pick(pres)).saySecret(id, typed(pan, false))
                        .say(pick(new String[] {" is my confirmation", "", " for the order", " thanks",
                            " (tracking)"}));
                return c.done();
            }
            case "chat-typos": {
                String t = typed(pan, false);
                StringBuilder sb = new StringBuilder();
                for (char ch : t.toCharArray()) {
                    if (ch == '0' && p(0.5)) {
                        sb.append(p(0.5) ? 'O' : 'o');
                    } else if (ch == ' ' && p(0.3)) {
                        sb.append(pick(new String[] {"", "  ", " ,", ". "}));
                    } else {
                        sb.append(ch);
                    }
                    if (Character.isDigit(ch) && p(0.05)) {
                        sb.append(' ');
                    }
                }
                return single(cat, b, pan, sb.toString());
            }
            case "chat-multiline": {
                List<String> gs = groups(pan, p(0.5) ? "card" : "random");
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < gs.size(); i++) {
                    if (i > 0) {
                        sb.append(pick(new String[] {"\n", "\r\n", "\n\n", " \n", "\n- "}));
                    }
                    sb.append(gs.get(i));
                }
                return single(cat, b, pan, sb.toString());
            }
            case "spoken-digits": return single(cat, b, pan, spokenDigits(pan, false, false));
            case "spoken-oh-nought": {
                String z = pick(new String[] {"oh", "o", "nought", "O", "Oh"});
                List<String> ws = new ArrayList<>();
                for (char ch : pan.toCharArray()) {
                    ws.add(digitWord(ch, z, false));
                }
                return single(cat, b, pan, String.join(p(0.5) ? " " : ", ", ws));
            }
            case "spoken-double-triple": return single(cat, b, pan, spokenDigits(pan, true, false));
            case "spoken-pairs": return single(cat, b, pan, spokenPairs(pan, false));
            case "spoken-hundreds": return single(cat, b, pan, spokenPairs(pan, true));
            case "spoken-fillers": return single(cat, b, pan, withFillers(pan));
            case "spoken-corrections": {
                String z = zeroWord();
                return single(cat, b, pan, corrected(pan, g -> p(0.2) ? g : digitWise(g, z, false, false, " ")));
            }
            case "spoken-repeats": {
                String z = zeroWord();
                return single(cat, b, pan, repeated(pan, g -> digitWise(g, z, p(0.3), false, " ")));
            }
            case "spoken-asr-soundalikes": return single(cat, b, pan, spokenDigits(pan, p(0.3), true));
            case "spoken-accent-and": {
                String z = pick(new String[] {"nought", "oh", "zero"});
                List<String> gs = groups(pan, "card");
                List<String> said = new ArrayList<>();
                for (String g : gs) {
                    said.add(digitWise(g, z, true, false, " "));
                }
                String joiner = pick(new String[] {" and ", " then ", ", and then ", ", after that "});
                return single(cat, b, pan, String.join(joiner, said));
            }
            case "mixed-digits-words": return single(cat, b, pan, mixed(pan));
            case "split-turns-typed": return split(cat, b, pan, false, false);
            case "split-turns-spoken": return split(cat, b, pan, true, false);
            case "split-turns-readback": return split(cat, b, pan, p(0.5), true);
            case "agent-readback": {
                RedTeamCase c = new RedTeamCase(cat, false);
                int id = c.secret(Kind.PAN, pan, b.name());
                c.turn("customer").say("it's ").saySecret(id, typed(pan, false));
                c.turn("agent").say(pick(new String[] {"so that's ", "let me read that back: ", "I have "}))
                        .saySecret(id, p(0.5) ? spokenDigits(pan, p(0.5), false) : typed(pan, false))
                        .say(pick(new String[] {", correct?", "?", ", is that right?"}));
                c.turn("customer").say("yes");
                return c.done();
            }
            case "long-transcript": return longTranscript(cat, b, pan);
            case "two-cards": {
                Brand b2 = brand();
                String pan2 = pan(b2, false);
                RedTeamCase c = new RedTeamCase(cat, false);
                int id = c.secret(Kind.PAN, pan, b.name());
                int id2 = c.secret(Kind.PAN, pan2, b2.name());
                c.turn("customer").say("the first one is ").saySecret(id, renderAny(pan))
                        .say(" but it was declined");
                c.turn("agent").say("do you have another card?");
                c.turn("customer").say(pick(new String[] {"yes, ", "try ", "ok, "})).saySecret(id2, renderAny(pan2));
                return c.done();
            }
            case "cvv-expiry-later": return cvvExpiry(cat, b, pan);
            default: throw new IllegalArgumentException(cat);
        }
    }

    String renderAny(String pan) {
        return switch (rnd.nextInt(6)) {
            case 0 -> typed(pan, false);
            case 1 -> typed(pan, true);
            case 2 -> spokenDigits(pan, p(0.5), false);
            case 3 -> spokenPairs(pan, p(0.5));
            case 4 -> withFillers(pan);
            default -> mixed(pan);
        };
    }

    RedTeamCase single(String cat, Brand b, String pan, String rendering) {
        RedTeamCase c = new RedTeamCase(cat, true);
        int id = c.secret(Kind.PAN, pan, b.name());
        c.say(pick(INTROS)).saySecret(id, rendering).say(pick(OUTROS));
        return c.done();
    }

    RedTeamCase split(String cat, Brand b, String pan, boolean spoken, boolean readback) {
        RedTeamCase c = new RedTeamCase(cat, false);
        int id = c.secret(Kind.PAN, pan, b.name());
        int parts = 2 + rnd.nextInt(3);
        List<String> chunks = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < parts; i++) {
            int left = pan.length() - at;
            int size = i == parts - 1 ? left : Math.max(2, Math.min(left - 2 * (parts - 1 - i),
                    2 + rnd.nextInt(Math.max(1, pan.length() / parts + 2))));
            chunks.add(pan.substring(at, at + size));
            at += size;
        }
        String z = zeroWord();
        c.turn("agent").say(pick(new String[] {"Can I take the long number on the card please?",
            "Go ahead with the card number when you're ready.", "What's the number?", "Okay, ready when you are."}));
        for (int i = 0; i < chunks.size(); i++) {
            String ch = chunks.get(i);
            String r = spoken ? (p(0.5) ? digitWise(ch, z, p(0.3), false, " ") : mixed(ch)) : typed(ch, p(0.3));
            c.turn("customer").say(i == 0 ? pick(new String[] {"it's ", "", "ok ", "sure "}) : "")
                    .saySecret(id, r).say(pick(new String[] {"", "...", ",", " um"}));
            if (i < chunks.size() - 1) {
                c.turn("agent");
                if (readback) {
                    c.saySecret(id, spoken ? digitWise(ch, "zero", false, false, " ") : ch)
                            .say(pick(new String[] {", yes", ", got it", "?", ", go on"}));
                } else {
                    c.say(pick(AGENT_ACKS));
                }
            }
        }
        c.turn("agent").say(pick(new String[] {"Thank you.", "Great, and the expiry?", "Lovely."}));
        return c.done();
    }

    RedTeamCase longTranscript(String cat, Brand b, String pan) {
        RedTeamCase c = new RedTeamCase(cat, false);
        int id = c.secret(Kind.PAN, pan, b.name());
        int before = 4 + rnd.nextInt(12);
        int after = 3 + rnd.nextInt(10);
        for (int i = 0; i < before; i++) {
            c.turn(i % 2 == 0 ? "agent" : "customer").say(p(0.4) ? distractor(c) : pick(SMALL_TALK));
        }
        c.turn("agent").say(pick(new String[] {"And the card number?", "Please go ahead with the card details.",
            "Whenever you're ready."}));
        c.turn("customer").say(pick(INTROS)).saySecret(id, renderAny(pan)).say(pick(OUTROS));
        for (int i = 0; i < after; i++) {
            c.turn(i % 2 == 0 ? "agent" : "customer").say(p(0.4) ? distractor(c) : pick(SMALL_TALK));
        }
        return c.done();
    }

    String expiry(String mm, String yy, boolean spoken) {
        int m = Integer.parseInt(mm);
        if (!spoken) {
            return switch (rnd.nextInt(5)) {
                case 0 -> mm + "/" + yy;
                case 1 -> mm + "/20" + yy;
                case 2 -> mm + "-" + yy;
                case 3 -> mm + yy;
                default -> mm + " " + yy;
            };
        }
        String z = zeroWord();
        String year = pairWords(yy, z, false);
        return switch (rnd.nextInt(4)) {
            case 0 -> (m < 10 ? z + " " + ONES[m] : TEENS[m - 10]) + " " + year;
            case 1 -> MONTHS[m - 1] + " " + (p(0.5) ? "twenty " + year : year);
            case 2 -> (m < 10 ? ONES[m] : TEENS[m - 10]) + " " + pick(new String[] {"slash ", "", "of "})
                    + (p(0.5) ? "twenty " : "") + year;
            default -> MONTHS[m - 1] + " " + "two thousand and " + year;
        };
    }

    RedTeamCase cvvExpiry(String cat, Brand b, String pan) {
        RedTeamCase c = new RedTeamCase(cat, false);
        int id = c.secret(Kind.PAN, pan, b.name());
        String cvv = randomDigits(b.name().equals("amex") ? 4 : 3);
        String mm = String.format("%02d", 1 + rnd.nextInt(12));
        String yy = String.format("%02d", 26 + rnd.nextInt(9));
        int cid = c.secret(Kind.CVV, cvv, b.name());
        int eid = c.secret(Kind.EXPIRY, mm + yy, b.name());
        boolean spoken = p(0.5);
        c.turn("customer").say("card number ").saySecret(id, spoken ? spokenDigits(pan, false, false) : typed(pan, false));
        c.turn("agent").say(pick(new String[] {"And the expiry date?", "When does it expire?", "Expiry please."}));
        c.turn("customer").say(pick(new String[] {"", "it's ", "expires ", "um, "}))
                .saySecret(eid, expiry(mm, yy, spoken));
        if (p(0.5)) {
            c.turn("agent").say(pick(AGENT_ACKS));
        }
        c.turn("agent").say(pick(new String[] {"and the three digits on the back?", "And the security code?",
            "Last thing, the CVV?", "the security code, the three digits, is?", "and the code on the back please",
            "And the four digit code on the front?"}));
        if (p(0.3)) {
            c.turn("customer").say(pick(new String[] {"hang on", "just a sec", "let me turn it over"}));
            c.turn("agent").say("no problem");
        }
        String cv = spoken ? digitWise(cvv, zeroWord(), p(0.3), false, pick(new String[] {" ", ", ", "... "}))
                : (p(0.3) ? String.join(" ", cvv.split("")) : cvv);
        c.turn("customer").say(pick(new String[] {"", "it's ", "ok ", "that's "})).saySecret(cid, cv);
        return c.done();
    }

    /**
     * A negative is only fair if no digit run in it (digits joined across spaces and punctuation, not across words)
     * could be a PAN: 12-19 digits passing Luhn is indistinguishable from a card, so such draws are thrown away.
     */
    static boolean fairNegative(String text) {
        String t = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        for (String run : t.split("[\\p{L}]+")) {
            String d = run.replaceAll("\\D", "");
            if (d.length() >= 12 && d.length() <= 19 && luhn(d)) {
                return false;
            }
        }
        return true;
    }

    RedTeamCase negative(String cat) {
        while (true) {
            RedTeamCase c = negativeDraw(cat);
            if (fairNegative(c.turns.get(0).text())) {
                return c;
            }
        }
    }

    RedTeamCase negativeDraw(String cat) {
        RedTeamCase c = new RedTeamCase(cat, true);
        switch (cat) {
            case "neg-order-numbers" -> {
                String d = nonPanDigits(10 + rnd.nextInt(10), String.valueOf(1 + rnd.nextInt(9)));
                c.say(pick(new String[] {"your order number is ", "order #", "Order ref: ", "booking "}))
                        .saySecret(c.secret(Kind.DISTRACTOR, d, "order"), p(0.5) ? d : typed(d, false));
            }
            case "neg-phones" -> {
                String d;
                String t;
                switch (rnd.nextInt(4)) {
                    case 0 -> {
                        d = "44" + nonPanDigits(10, "7");
                        t = "+44 " + d.substring(2, 6) + " " + d.substring(6);
                    }
                    case 1 -> {
                        d = "1" + nonPanDigits(10, String.valueOf(2 + rnd.nextInt(8)));
                        t = "+1 (" + d.substring(1, 4) + ") " + d.substring(4, 7) + "-" + d.substring(7);
                    }
                    case 2 -> {
                        d = nonPanDigits(13, "49");
                        t = "+" + d.substring(0, 2) + " " + d.substring(2, 5) + " " + d.substring(5);
                    }
                    default -> {
                        d = nonPanDigits(12, "91");
                        t = "+91 " + d.substring(2, 7) + " " + d.substring(7);
                    }
                }
                c.say(pick(new String[] {"call me on ", "my mobile is ", "you can reach me at ", "tel "}))
                        .saySecret(c.secret(Kind.DISTRACTOR, d, "phone"), t);
            }
            case "neg-iban" -> {
                String iban = iban();
                c.say(pick(new String[] {"please refund to ", "my IBAN is ", "IBAN: ", "pay into "}))
                        .saySecret(c.secret(Kind.DISTRACTOR, iban.replaceAll("\\D", ""), "iban"), iban);
            }
            case "neg-timestamps" -> {
                long ms = 1_600_000_000_000L + (long) (rnd.nextDouble() * 300_000_000_000L);
                String d = Long.toString(ms);
                c.say(pick(new String[] {"event at ", "ts=", "logged ", "created_at: "}))
                        .saySecret(c.secret(Kind.DISTRACTOR, d, "timestamp"), d);
            }
            case "neg-tracking" -> {
                String d;
                String t;
                switch (rnd.nextInt(3)) {
                    case 0 -> {
                        d = nonPanDigits(12, "");
                        t = d;
                    }
                    case 1 -> {
                        d = nonPanDigits(22, "9400");
                        t = d.replaceAll("(.{4})", "$1 ").trim();
                    }
                    default -> {
                        d = nonPanDigits(15, "");
                        t = "1Z" + randomDigits(3) + "AA" + d.substring(0, 8);
                        d = t.replaceAll("\\D", "");
                    }
                }
                c.say(pick(new String[] {"tracking number ", "your parcel: ", "shipment "}))
                        .saySecret(c.secret(Kind.DISTRACTOR, d, "tracking"), t);
            }
            case "neg-amounts" -> {
                String t = pick(new String[] {"$", "£", "€", ""}) + (1 + rnd.nextInt(999)) + "," + randomDigits(3)
                        + "," + randomDigits(3) + "." + randomDigits(2);
                c.say(pick(new String[] {"the total was ", "we refunded ", "a balance of "}))
                        .saySecret(c.secret(Kind.DISTRACTOR, t.replaceAll("\\D", ""), "amount"), t);
            }
            case "neg-spoken-phone" -> {
                String d = "07" + randomDigits(9);
                c.say(pick(new String[] {"my number is ", "call me back on "}))
                        .saySecret(c.secret(Kind.DISTRACTOR, d, "phone"), spokenDigits(d, true, false));
            }
            default -> {
                int y = 2020 + rnd.nextInt(10);
                String t = MONTHS[rnd.nextInt(12)] + " " + (1 + rnd.nextInt(28)) + ", " + y + " at "
                        + (1 + rnd.nextInt(12)) + ":" + String.format("%02d", rnd.nextInt(60)) + " "
                        + (p(0.5) ? "pm" : "am") + ", ticket " + nonPanDigits(8, "");
                c.say(pick(new String[] {"it happened on ", "the appointment is "}))
                        .saySecret(c.secret(Kind.DISTRACTOR, t.replaceAll("\\D", ""), "date"), t);
            }
        }
        return c.done();
    }

    String iban() {
        String[][] shapes = {{"GB", "4", "14"}, {"DE", "0", "18"}, {"FR", "0", "23"}, {"NL", "4", "10"},
            {"ES", "0", "20"}, {"IT", "1", "22"}};
        String[] s = pick(shapes);
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < Integer.parseInt(s[1]); i++) {
            bban.append((char) ('A' + rnd.nextInt(26)));
        }
        bban.append(randomDigits(Integer.parseInt(s[2])));
        String rearranged = bban + s[0] + "00";
        StringBuilder numeric = new StringBuilder();
        for (char ch : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
        }
        int mod = new java.math.BigInteger(numeric.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
        String check = String.format("%02d", 98 - mod);
        String full = s[0] + check + bban;
        return p(0.5) ? full : full.replaceAll("(.{4})", "$1 ").trim();
    }
}
