package io.wem.governance.pcicorpus;

import io.wem.governance.pcicorpus.Corpus.Piece;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes a digit string the way people type or say it. Word lists are the generator's own (everyday English
 * speech), written for this evaluation. A rendering is a list of groups (a speaker may pause, or even hand over
 * the turn, between groups); each group is a list of pieces.
 */
final class Renderer {

    enum Style {
        TYPED_PLAIN, TYPED_GROUPED, TYPED_SEPARATORS, TYPED_UNICODE, TYPED_GLUED,
        SPOKEN_DIGITS, SPOKEN_OH, SPOKEN_DOUBLE, SPOKEN_FILLERS, SPOKEN_PAIRS, SPOKEN_HUNDREDS, SPOKEN_CORRECTION,
        SPOKEN_SOUNDALIKE, MIXED
    }

    static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    static final String[] ZEROS = {"zero", "oh", "o", "nought", "oh", "zero"};
    static final String[] TEENS = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"};
    static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};
    static final String[] FILLERS = {"um", "uh", "er", "erm", "sorry", "let me see", "hang on", "uhm", "ah",
        "hold on", "just a sec", "where was I", "okay"};
    static final String[] PAUSES = {" ... ", "... ", "… ", ", ", ". ", " - ", " -- ", ", ", " "};
    /** Sound-alikes a transcriber writes for digits. */
    static final String[][] SOUND_ALIKES = {{"1", "won"}, {"2", "to"}, {"2", "too"}, {"4", "for"}, {"8", "ate"}};
    static final String[] TYPED_SEPARATORS = {"-", ".", "_", "*", "/", ",", "\t", "    ", "      ", " - ", " / ",
        ". ", " , ", "--", "\n", " \n", "+", "|", ":"};
    static final String[] INVISIBLE = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"};
    static final String[] ODD_SPACES = {"\u00A0", "\u2009", "\u202F", "\u3000", "\u2002", "\u2007"};
    static final String[][] GLUE = {{"cc", ""}, {"card#", ""}, {"CC:", ""}, {"no.", ""}, {"acct", ""}, {"x", ""},
        {"", "exp"}, {"", "ok"}, {"VISA", ""}, {"pan=", ";"}, {"#", ""}, {"", "thx"}};

    private final RandomGenerator rnd;

    Renderer(RandomGenerator rnd) {
        this.rnd = rnd;
    }

    String pick(String[] words) {
        return words[rnd.nextInt(words.length)];
    }

    /** Group sizes as printed on the card's brand, or random. */
    List<Integer> groups(String digits, boolean brandTypical) {
        int n = digits.length();
        List<Integer> out = new ArrayList<>();
        if (brandTypical && n == 15) {
            return List.of(4, 6, 5);
        }
        if (brandTypical && n == 14) {
            return List.of(4, 6, 4);
        }
        int left = n;
        while (left > 0) {
            int g = brandTypical ? Math.min(4, left) : Math.min(left, 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 6));
            out.add(g);
            left -= g;
        }
        return out;
    }

    List<String> split(String digits, List<Integer> sizes) {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (int s : sizes) {
            out.add(digits.substring(i, i + s));
            i += s;
        }
        return out;
    }

    /** The rendered groups; the caller puts {@link #between(Style)} between groups that stay in one turn. */
    List<List<Piece>> render(String digits, Style style) {
        List<String> groups = switch (style) {
            case TYPED_PLAIN -> List.of(digits);
            case TYPED_GROUPED, SPOKEN_DIGITS, SPOKEN_OH, SPOKEN_DOUBLE, SPOKEN_SOUNDALIKE ->
                    split(digits, groups(digits, rnd.nextInt(4) > 0));
            default -> split(digits, groups(digits, rnd.nextBoolean()));
        };
        List<List<Piece>> out = new ArrayList<>();
        for (String g : groups) {
            out.add(group(g, style == Style.MIXED ? Style.values()[rnd.nextInt(Style.MIXED.ordinal())] : style));
        }
        if (style == Style.SPOKEN_CORRECTION) {
            correct(out.get(rnd.nextInt(out.size())));
        }
        return unambiguous(out);
    }

    /**
     * A listener hears "forty, six" as 46 and "six hundred, four" as 604: where a bare tens word or a bare "hundred"
     * is followed by more digits, people say it the other way ("four oh", "six double oh").
     */
    private List<List<Piece>> unambiguous(List<List<Piece>> groups) {
        List<int[]> at = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int p = 0; p < groups.get(g).size(); p++) {
                if (groups.get(g).get(p).secret()) {
                    at.add(new int[] {g, p});
                }
            }
        }
        List<List<Piece>> out = new ArrayList<>();
        groups.forEach(g -> out.add(new ArrayList<>(g)));
        // backwards: a rewrite ("twenty" -> "two oh") can make the word before it ambiguous in turn
        for (int i = at.size() - 2; i >= 0; i--) {
            Piece piece = out.get(at.get(i)[0]).get(at.get(i)[1]);
            String next = out.get(at.get(i + 1)[0]).get(at.get(i + 1)[1]).text().split("[ -]")[0];
            String[] words = piece.text().split(" ");
            String last = words[words.length - 1];
            String replaced = null;
            if (last.equals("hundred")) {
                replaced = piece.text().substring(0, piece.text().length() - "hundred".length())
                        + pick(new String[] {"double oh", "oh oh", "zero zero"});
            } else if (List.of(TENS).contains(last) && !last.isEmpty() && !next.isEmpty()
                    && (isUnitWord(next) || Character.digit(next.charAt(0), 10) > 0)) {
                int t = List.of(TENS).indexOf(last);
                replaced = piece.text().substring(0, piece.text().length() - last.length()) + UNITS[t] + " "
                        + pick(ZEROS);
            }
            if (replaced != null) {
                out.get(at.get(i)[0]).set(at.get(i)[1], Piece.secret(replaced));
            }
        }
        return out;
    }

    private static boolean isUnitWord(String w) {
        for (int d = 1; d < 10; d++) {
            if (UNITS[d].equals(w)) {
                return true;
            }
        }
        return false;
    }

    String between(Style style) {
        return switch (style) {
            case TYPED_PLAIN -> "";
            case TYPED_GROUPED -> rnd.nextInt(4) == 0 ? "-" : " ";
            case TYPED_SEPARATORS -> pick(TYPED_SEPARATORS);
            case TYPED_UNICODE -> rnd.nextBoolean() ? pick(INVISIBLE) : pick(ODD_SPACES);
            case TYPED_GLUED -> rnd.nextBoolean() ? "" : " ";
            case SPOKEN_FILLERS -> filler();
            default -> pick(PAUSES);
        };
    }

    /** A hesitation between groups: a filler with pauses around it, or an ellipsis. */
    String filler() {
        return switch (rnd.nextInt(4)) {
            case 0 -> " ... ";
            case 1 -> ", " + pick(FILLERS) + ", ";
            case 2 -> "... " + pick(FILLERS) + "... ";
            default -> " " + pick(FILLERS) + " ";
        };
    }

    private List<Piece> group(String g, Style style) {
        return switch (style) {
            case TYPED_PLAIN, TYPED_GROUPED, TYPED_SEPARATORS -> List.of(Piece.secret(g));
            case TYPED_UNICODE -> unicode(g);
            case TYPED_GLUED -> List.of(Piece.secret(g));
            case SPOKEN_DIGITS, SPOKEN_OH, SPOKEN_SOUNDALIKE -> digitWords(g, style);
            case SPOKEN_DOUBLE -> doubles(g);
            case SPOKEN_FILLERS -> withFillers(g);
            case SPOKEN_PAIRS -> pairs(g);
            case SPOKEN_HUNDREDS -> hundreds(g);
            case SPOKEN_CORRECTION -> digitWords(g, Style.SPOKEN_DIGITS);
            case MIXED -> throw new IllegalStateException();
        };
    }

    private List<Piece> unicode(String g) {
        List<Piece> out = new ArrayList<>();
        boolean wide = rnd.nextBoolean();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            out.add(Piece.secret(wide ? String.valueOf((char) ('\uFF10' + (c - '0'))) : String.valueOf(c)));
            if (i + 1 < g.length() && rnd.nextInt(3) == 0) {
                out.add(Piece.of(pick(INVISIBLE)));
            }
        }
        return out;
    }

    String digitWord(char d, boolean varyZero) {
        return d == '0' && varyZero ? pick(ZEROS) : UNITS[d - '0'];
    }

    private String wordSeparator() {
        return switch (rnd.nextInt(6)) {
            case 0 -> ", ";
            case 1 -> "-";
            default -> " ";
        };
    }

    private List<Piece> digitWords(String g, Style style) {
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < g.length(); i++) {
            if (i > 0) {
                out.add(Piece.of(wordSeparator()));
            }
            char d = g.charAt(i);
            String w = digitWord(d, style != Style.SPOKEN_DIGITS || rnd.nextInt(4) == 0);
            if (style == Style.SPOKEN_SOUNDALIKE && rnd.nextInt(2) == 0) {
                for (String[] alike : SOUND_ALIKES) {
                    if (alike[0].charAt(0) == d && rnd.nextBoolean()) {
                        w = alike[1];
                    }
                }
            }
            out.add(Piece.secret(w));
        }
        return out;
    }

    private List<Piece> doubles(String g) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < g.length()) {
            char d = g.charAt(i);
            int run = 1;
            while (i + run < g.length() && g.charAt(i + run) == d && run < 3) {
                run++;
            }
            if (!out.isEmpty()) {
                out.add(Piece.of(" "));
            }
            if (run == 3 && rnd.nextInt(3) > 0) {
                out.add(Piece.secret("triple " + digitWord(d, true)));
            } else if (run >= 2) {
                run = 2;
                out.add(Piece.secret("double " + digitWord(d, true)));
            } else {
                out.add(Piece.secret(digitWord(d, true)));
            }
            i += run;
        }
        return out;
    }

    private List<Piece> withFillers(String g) {
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < g.length(); i++) {
            if (i > 0) {
                out.add(Piece.of(rnd.nextInt(4) == 0 ? filler() : wordSeparator()));
            }
            out.add(Piece.secret(digitWord(g.charAt(i), true)));
        }
        return out;
    }

    /** "41" = forty one / forty-one, "40" = forty, "12" = twelve, "05" = oh five; an odd digit is said alone. */
    private List<Piece> pairs(String g) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < g.length()) {
            if (!out.isEmpty()) {
                out.add(Piece.of(rnd.nextInt(3) == 0 ? ", " : " "));
            }
            if (i + 1 >= g.length()) {
                out.add(Piece.secret(digitWord(g.charAt(i), true)));
                i++;
                continue;
            }
            boolean lastPairBeforeSingle = i + 3 == g.length();
            out.add(Piece.secret(twoDigits(g.charAt(i), g.charAt(i + 1), lastPairBeforeSingle)));
            i += 2;
        }
        return out;
    }

    /** {@code beforeSingleDigit}: "forty" then "four" would be heard as 44, so such a 40 is said "four oh". */
    String twoDigits(char a, char b, boolean beforeSingleDigit) {
        int t = a - '0';
        int u = b - '0';
        if (t == 0) {
            return digitWord(a, true) + " " + digitWord(b, true);
        }
        if (t == 1) {
            return TEENS[u];
        }
        if (u == 0) {
            return beforeSingleDigit ? UNITS[t] + " " + pick(ZEROS) : TENS[t];
        }
        return TENS[t] + (rnd.nextBoolean() ? "-" : " ") + UNITS[u];
    }

    /** Three-digit chunks: "412" = four hundred and twelve, "400" = four hundred, "405" = four hundred and five. */
    private List<Piece> hundreds(String g) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < g.length()) {
            if (!out.isEmpty()) {
                out.add(Piece.of(rnd.nextInt(3) == 0 ? ", " : " "));
            }
            int left = g.length() - i;
            if (left >= 3 && g.charAt(i) != '0' && left != 4 && (g.charAt(i + 2) != '0' || g.charAt(i + 1) == '0')) {
                char h = g.charAt(i);
                char t = g.charAt(i + 1);
                char u = g.charAt(i + 2);
                String s = UNITS[h - '0'] + " hundred";
                String and = rnd.nextBoolean() ? " and " : " ";
                if (t == '0' && u == '0') {
                    // "four hundred" alone
                } else if (t == '0') {
                    s += and + UNITS[u - '0'];
                } else {
                    s += and + twoDigits(t, u, false);
                }
                out.add(Piece.secret(s));
                i += 3;
            } else if (left >= 2) {
                out.add(Piece.secret(twoDigits(g.charAt(i), g.charAt(i + 1), left == 3)));
                i += 2;
            } else {
                out.add(Piece.secret(digitWord(g.charAt(i), true)));
                i++;
            }
        }
        return out;
    }

    /** Inserts a slip and its correction: "four one — no, four two" (the wrong digit is not part of the secret). */
    private void correct(List<Piece> group) {
        List<Integer> secretAt = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).secret() && group.get(i).text().split("[ -]").length == 1) {
                secretAt.add(i);
            }
        }
        if (secretAt.size() < 2) {
            return;
        }
        int k = 1 + rnd.nextInt(secretAt.size() - 1);
        int prev = secretAt.get(k - 1);
        int at = secretAt.get(k);
        String right = group.get(at).text();
        String wrong;
        do {
            wrong = UNITS[rnd.nextInt(10)];
        } while (wrong.equals(right));
        String marker = pick(new String[] {" — no, ", ", sorry, ", " no wait, ", ", no, I mean ", "... no, "});
        List<Piece> slip = List.of(Piece.of(" "), Piece.of(wrong), Piece.of(marker), Piece.secret(group.get(prev).text()),
                Piece.of(" "));
        // the slip goes after the previous digit; the first saying of that digit stays a secret token
        group.addAll(prev + 1, slip);
    }
}
