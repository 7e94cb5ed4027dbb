package io.wem.governance.redteam;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a text the way a person who wants the card number would: every digit, in any script NFKC folds to ASCII,
 * and every number said in words (digit words, sound-alikes, "oh", double/triple, teens, tens, hundreds, thousands),
 * ignoring everything else, into one digit stream. The red team's leak test looks for PAN windows in that stream.
 * Deliberately generous: a word like "for" counts as a 4, because a reader can take it as one; the comparison
 * with the un-redacted baseline removes that noise.
 */
public final class RedTeamReader {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("oh", 0), Map.entry("o", 0), Map.entry("nought", 0),
            Map.entry("naught", 0), Map.entry("nil", 0),
            Map.entry("one", 1), Map.entry("won", 1), Map.entry("two", 2), Map.entry("to", 2), Map.entry("too", 2),
            Map.entry("three", 3), Map.entry("tree", 3), Map.entry("four", 4), Map.entry("for", 4),
            Map.entry("fore", 4), Map.entry("five", 5), Map.entry("fife", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("ate", 8), Map.entry("nine", 9),
            Map.entry("niner", 9));
    private static final Map<String, Integer> TEENS = Map.of("ten", 10, "eleven", 11, "twelve", 12,
            "thirteen", 13, "fourteen", 14, "fifteen", 15, "sixteen", 16, "seventeen", 17, "eighteen", 18,
            "nineteen", 19);
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fourty", 40,
            "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

    private RedTeamReader() {
    }

    private record Tok(String text, boolean digits, String gapBefore) {
    }

    static List<Tok> tokens(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            // invisible format characters (zero-width, bidi marks, soft hyphen) are not there for a reader
            if (Character.getType(cp) != Character.FORMAT) {
                clean.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        String t = clean.toString().toLowerCase();
        List<Tok> out = new ArrayList<>();
        int i = 0;
        StringBuilder gap = new StringBuilder();
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                int j = i;
                while (j < t.length() && t.charAt(j) >= '0' && t.charAt(j) <= '9') {
                    j++;
                }
                out.add(new Tok(t.substring(i, j), true, gap.toString()));
                gap.setLength(0);
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < t.length() && Character.isLetter(t.charAt(j))) {
                    j++;
                }
                out.add(new Tok(t.substring(i, j), false, gap.toString()));
                gap.setLength(0);
                i = j;
            } else {
                gap.append(c);
                i++;
            }
        }
        return out;
    }

    private static boolean tight(Tok t) {
        return t.gapBefore().equals(" ") || t.gapBefore().equals("-");
    }

    /** Value of a "small" number word (0..99 incl. tens+unit) at i; [value, tokensUsed] or null. */
    private static int[] small(List<Tok> ts, int i) {
        if (i >= ts.size() || ts.get(i).digits()) {
            return null;
        }
        String w = ts.get(i).text();
        if (TEENS.containsKey(w)) {
            return new int[] {TEENS.get(w), 1};
        }
        if (TENS.containsKey(w)) {
            int v = TENS.get(w);
            if (i + 1 < ts.size() && !ts.get(i + 1).digits() && tight(ts.get(i + 1))) {
                Integer u = UNITS.get(ts.get(i + 1).text());
                if (u != null && u > 0) {
                    return new int[] {v + u, 2};
                }
            }
            return new int[] {v, 1};
        }
        Integer u = UNITS.get(w);
        return u == null ? null : new int[] {u, 1};
    }

    private static String word(List<Tok> ts, int i) {
        return i < ts.size() && !ts.get(i).digits() ? ts.get(i).text() : "";
    }

    /** All the digits a reader gets out of the text, in order. */
    public static String digits(String raw) {
        List<Tok> ts = tokens(raw);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < ts.size()) {
            Tok t = ts.get(i);
            if (t.digits()) {
                out.append(t.text());
                i++;
                continue;
            }
            String w = t.text();
            if ((w.equals("double") || w.equals("triple")) && i + 1 < ts.size()) {
                int times = w.equals("double") ? 2 : 3;
                Tok n = ts.get(i + 1);
                String unit = n.digits() ? n.text()
                        : UNITS.containsKey(n.text()) ? String.valueOf(UNITS.get(n.text())) : null;
                if (unit != null) {
                    out.append(unit.repeat(times));
                    i += 2;
                    continue;
                }
                i++;
                continue;
            }
            int[] sm = small(ts, i);
            if (sm == null) {
                i++;
                continue;
            }
            boolean unitWord = UNITS.containsKey(w);
            int value = sm[0];
            int j = i + sm[1];
            // "eleven hundred", "four hundred and twelve", "two thousand and five", "four thousand one hundred"
            if (word(ts, j).equals("thousand") && value > 0 && value < 100) {
                value *= 1000;
                j++;
                int k = word(ts, j).equals("and") ? j + 1 : j;
                int[] h = small(ts, k);
                if (h != null && word(ts, k + h[1]).equals("hundred") && h[0] < 10) {
                    value += h[0] * 100;
                    j = k + h[1] + 1;
                    k = word(ts, j).equals("and") ? j + 1 : j;
                    h = small(ts, k);
                }
                if (h != null && tight(ts.get(k)) && !(UNITS.containsKey(ts.get(k).text()) && h[0] == 0)) {
                    value += h[0];
                    j = k + h[1];
                }
                out.append(value);
            } else if (word(ts, j).equals("hundred") && value > 0 && value < 100) {
                value *= 100;
                j++;
                int k = word(ts, j).equals("and") ? j + 1 : j;
                int[] h = small(ts, k);
                if (h != null && tight(ts.get(k)) && h[0] > 0) {
                    value += h[0];
                    j = k + h[1];
                }
                out.append(value);
            } else if (unitWord) {
                out.append(value);
            } else {
                out.append(value < 10 ? "0" + value : String.valueOf(value));
            }
            i = j;
        }
        return out.toString();
    }

    /** How often each distinct 5-digit window of {@code pan} occurs in {@code stream}. */
    static int[] windowCounts(String pan, String stream) {
        int[] counts = new int[pan.length() - 4];
        for (int w = 0; w < counts.length; w++) {
            String win = pan.substring(w, w + 5);
            int from = 0;
            while ((from = stream.indexOf(win, from)) >= 0) {
                counts[w]++;
                from++;
            }
        }
        return counts;
    }
}
