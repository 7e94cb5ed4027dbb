package io.wem.governance.domain.redaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Finds and redacts card data (PAN, CVV, expiry) in free text such as call transcripts and agent notes.
 *
 * <p>How it works, in one pass over the text and no regular expressions: a tokenizer splits the text into number
 * tokens, word tokens (looked up in a small {@link Vocabulary} of number words and context words) and the gaps between
 * them. Digit-bearing tokens that follow each other with only soft separators (spaces, dashes, dots, commas between
 * words) form a run of "units" — "4111", "four", "double four" (44), "forty one" (41), "eleven" (11). Inside a run
 * every sub-span of 12–19 digits aligned to unit boundaries is checked against Luhn and the issuer ranges; the nearest
 * context word decides whether a valid-looking number is a card ("card", "visa") or something else ("order", "ticket",
 * "phone"). CVV and expiry are only looked for in a short window after their context words.
 *
 * <p>Thread-safe: per-call scratch space is kept per thread. Never logs or returns the secret itself.
 */
public final class PciRedactor {

    static final int KIND_NUM = 1;
    static final int KIND_WORD = 2;

    // Gap flags: what lies between a token and the one before it.
    static final int G_ADJ = 1;       // nothing: the tokens touch ("card4111", "1st")
    static final int G_COMMA = 2;
    static final int G_SLASH = 4;
    static final int G_HARD = 8;      // anything that ends a number (other punctuation, long gaps)
    static final int G_NEWLINE = 16;
    static final int G_MARK = 32;     // '+', '#', '(', currency: phone numbers, ids, amounts

    private static final int MAX_GAP = 3;
    private static final int CONTEXT_BACK = 10;
    private static final int CONTEXT_FORWARD = 5;
    private static final int WINDOW = 8;
    /** Preferred PAN lengths when several sub-spans of a run are valid (16 is by far the most common). */
    private static final int[] LENGTH_RANK = new int[20];

    static {
        int[] order = {16, 15, 19, 14, 13, 18, 17, 12};
        java.util.Arrays.fill(LENGTH_RANK, 99);
        for (int i = 0; i < order.length; i++) {
            LENGTH_RANK[order[i]] = i;
        }
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** Redacts with full placeholders. */
    public Redaction redact(String text) {
        return redact(text, false);
    }

    /**
     * @param keepLastFour write {@code [PAN ****1111]} instead of {@code [PAN]} (the most PCI DSS allows to show
     *                     besides the first six; this engine never keeps more than the last four)
     */
    public Redaction redact(String text, boolean keepLastFour) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, List.of());
        }
        Scratch s = scratch.get();
        s.tokenize(text);
        List<Found> found = new ArrayList<>(2);
        findPans(s, found);
        if (s.hasCvvWord) {
            findAfterContext(s, Vocabulary.CVV, found);
        }
        if (s.hasExpiryWord) {
            findAfterContext(s, Vocabulary.EXPIRY, found);
        }
        if (found.isEmpty()) {
            return new Redaction(text, List.of());
        }
        found.sort(Comparator.comparingInt(f -> f.start));
        StringBuilder out = new StringBuilder(text.length());
        List<Finding> findings = new ArrayList<>(found.size());
        int pos = 0;
        for (Found f : found) {
            out.append(text, pos, f.start);
            if (f.type == FindingType.PAN && keepLastFour) {
                out.append("[PAN ****").append(f.lastFour).append(']');
            } else {
                out.append(f.type.placeholder());
            }
            pos = f.end;
            findings.add(new Finding(f.type, f.start, f.end, f.confidence));
        }
        out.append(text, pos, text.length());
        return new Redaction(out.toString(), Collections.unmodifiableList(findings));
    }

    /** One turn of a conversation: who spoke and what they said. */
    public record Turn(String speaker, String text) {
    }

    /** Redacts an ordered conversation; one result per turn, offsets in that turn's text. */
    public List<Redaction> redactConversation(List<Turn> turns, boolean keepLastFour) {
        List<Redaction> out = new ArrayList<>(turns.size());
        for (Turn t : turns) {
            out.add(redact(t.text(), keepLastFour));
        }
        return out;
    }

    /** Finds the secrets without building the redacted text. */
    public List<Finding> find(String text) {
        return redact(text, false).findings();
    }

    private record Found(FindingType type, int start, int end, double confidence, String lastFour) {
    }

    // ---------------------------------------------------------------------------------------------------------
    // PAN

    private void findPans(Scratch s, List<Found> found) {
        int t = 0;
        while (t < s.n) {
            if (!s.digitBearing(t)) {
                t++;
                continue;
            }
            int next = s.buildRun(t, false);
            if (s.runDigits >= 12) {
                searchRun(s, found);
            }
            t = Math.max(next, t + 1);
        }
    }

    private void searchRun(Scratch s, List<Found> found) {
        int units = s.units;
        int u = 0;
        while (u < units) {
            int bestEnd = -1;
            int bestRank = 99;
            int total = 0;
            for (int e = u; e < units; e++) {
                total += s.uLen[e];
                if (total > 19) {
                    break;
                }
                if (total >= 12 && LENGTH_RANK[total] < bestRank
                        && CardNumbers.plausiblePan(s.digits, s.uOff[u], total)) {
                    bestRank = LENGTH_RANK[total];
                    bestEnd = e;
                }
            }
            if (bestEnd < 0) {
                u++;
                continue;
            }
            int firstTok = s.uTokFirst[u];
            int lastTok = s.uTokLast[bestEnd];
            int context = s.context(firstTok, lastTok);
            boolean allNumeric = true;
            boolean shortGroup = false;
            for (int k = u; k <= bestEnd; k++) {
                allNumeric &= s.uNumeric[k];
                // a short last group is normal ("4475 4533 0420 6", "3611 3671 7950 36")
                shortGroup |= s.uNumeric[k] && s.uLen[k] < 3 && k < bestEnd;
            }
            if ((s.gap[firstTok] & G_MARK) != 0 && context <= 0) {
                context = -1; // "+44 ...", "#4111...": a phone number or an identifier, not a card
            }
            // Numbers typed in small groups ("41 11 11 ...") are lists, scores or phone numbers unless a card
            // is being talked about.
            if (context < 0 || (allNumeric && shortGroup && context <= 0)) {
                u = bestEnd + 1;
                continue;
            }
            double confidence = context > 0 ? 0.99 : (allNumeric ? 0.95 : 0.9);
            int total2 = 0;
            for (int k = u; k <= bestEnd; k++) {
                total2 += s.uLen[k];
            }
            int lastOff = s.uOff[u] + total2 - 4;
            String lastFour = new String(s.digits, lastOff, 4);
            found.add(new Found(FindingType.PAN, s.uStart[u], s.uEnd[bestEnd], confidence, lastFour));
            for (int tok = firstTok; tok <= lastTok; tok++) {
                s.used[tok] = true;
            }
            u = bestEnd + 1;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // CVV and expiry: only in a short window after a context word.

    private void findAfterContext(Scratch s, int category, List<Found> found) {
        for (int t = 0; t < s.n; t++) {
            if (s.kind[t] != KIND_WORD || (s.code[t] & Vocabulary.CATEGORY) != category) {
                continue;
            }
            for (int w = t + 1; w < s.n && s.widx[w] - s.widx[t] <= WINDOW; w++) {
                if ((s.gap[w] & G_NEWLINE) != 0 || s.used[w]) {
                    break;
                }
                boolean month = category == Vocabulary.EXPIRY && s.kind[w] == KIND_WORD
                        && (s.code[w] & Vocabulary.CATEGORY) == Vocabulary.MONTH;
                if (!month && !s.digitBearing(w)) {
                    continue;
                }
                Found f = category == Vocabulary.CVV ? cvvAt(s, w) : expiryAt(s, w, month);
                if (f != null) {
                    found.add(f);
                }
                break; // the first number after the context word decides
            }
        }
    }

    private Found cvvAt(Scratch s, int t) {
        int next = s.buildRun(t, false);
        if (s.runDigits < 3 || s.runDigits > 4 || s.units == 0 || anyUsed(s, t, next)) {
            return null;
        }
        markUsed(s, t, next);
        return new Found(FindingType.CVV, s.uStart[0], s.uEnd[s.units - 1], 0.9, null);
    }

    private Found expiryAt(Scratch s, int t, boolean monthWord) {
        int start = s.start[t];
        int first = t;
        int month = -1;
        if (monthWord) {
            month = s.code[t] & Vocabulary.VALUE;
            t++;
            if (t >= s.n || (s.gap[t] & (G_HARD | G_NEWLINE)) != 0 || !s.digitBearing(t)) {
                return null;
            }
        }
        int next = s.buildRun(t, true);
        // at most "oh one twenty twenty seven": four units
        if (s.units == 0 || s.units > 4 || anyUsed(s, t, next)) {
            return null;
        }
        char[] d = s.digits;
        int off = s.uOff[0];
        int len = s.runDigits;
        boolean ok;
        if (monthWord) {
            ok = len == 2 || (len == 4 && d[off] == '2' && d[off + 1] == '0');
        } else {
            ok = switch (len) {
                case 3 -> validMonth(d[off] - '0');
                case 4 -> validMonth(two(d, off));
                case 5 -> validMonth(d[off] - '0') && d[off + 1] == '2' && d[off + 2] == '0';
                case 6 -> validMonth(two(d, off)) && d[off + 2] == '2' && d[off + 3] == '0';
                default -> false;
            };
        }
        if (!ok || (monthWord && !validMonth(month))) {
            return null;
        }
        markUsed(s, first, next);
        return new Found(FindingType.EXPIRY, monthWord ? start : s.uStart[0], s.uEnd[s.units - 1], 0.9, null);
    }

    private static int two(char[] d, int off) {
        return (d[off] - '0') * 10 + (d[off + 1] - '0');
    }

    private static boolean validMonth(int m) {
        return m >= 1 && m <= 12;
    }

    private static boolean anyUsed(Scratch s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.used[i]) {
                return true;
            }
        }
        return false;
    }

    private static void markUsed(Scratch s, int from, int to) {
        for (int i = from; i < to; i++) {
            s.used[i] = true;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tokens and runs, in arrays reused per thread.

    static final class Scratch {
        char[] text = new char[1024];
        int n;
        int[] start = new int[256];
        int[] end = new int[256];
        int[] kind = new int[256];
        int[] code = new int[256];
        int[] gap = new int[256];
        int[] widx = new int[256];      // position among all words and numbers, stored or not (context distance)
        boolean[] glue = new boolean[256]; // a number touching letters: part of an identifier
        boolean[] used = new boolean[256];
        boolean hasCvvWord;
        boolean hasExpiryWord;

        // The current run: units of digits with their spans in the text.
        int units;
        int runDigits;
        char[] digits = new char[256];
        int[] uOff = new int[64];
        int[] uLen = new int[64];
        int[] uStart = new int[64];
        int[] uEnd = new int[64];
        int[] uTokFirst = new int[64];
        int[] uTokLast = new int[64];
        boolean[] uNumeric = new boolean[64];

        void tokenize(String source) {
            int len = source.length();
            if (text.length < len) {
                text = new char[Math.max(len, text.length * 2)];
            }
            source.getChars(0, len, text, 0); // array access is markedly faster than charAt in the hot loop
            char[] text = this.text;
            n = 0;
            hasCvvWord = false;
            hasExpiryWord = false;
            int gapFlags = 0;
            int gapLen = 0;
            int words = 0;
            int lastEnd = -1;
            int lastKind = 0;
            int i = 0;
            while (i < len) {
                char c = text[i];
                if (c >= '0' && c <= '9') {
                    int st = i;
                    do {
                        i++;
                    } while (i < len && (c = text[i]) >= '0' && c <= '9');
                    add(KIND_NUM, st, i, i - st, gapLen == 0 ? G_ADJ : gapFlags(gapFlags, gapLen), words++,
                            st == lastEnd && lastKind == KIND_WORD);
                    lastEnd = i;
                    lastKind = KIND_NUM;
                    gapFlags = 0;
                    gapLen = 0;
                } else if (isLetter(c)) {
                    int st = i;
                    int h = 0;
                    do {
                        if (c >= 'A' && c <= 'Z') {
                            c = (char) (c + 32);
                        }
                        h = Vocabulary.hashStep(h, c);
                        i++;
                    } while (i < len && (isLetter(c = text[i]) || c == '\''));
                    if (st == lastEnd && lastKind == KIND_NUM && n > 0 && kind[n - 1] == KIND_NUM && end[n - 1] == st) {
                        glue[n - 1] = true;
                    }
                    lastEnd = i;
                    lastKind = KIND_WORD;
                    int wordCode = Vocabulary.lookup(text, st, i, h);
                    if (wordCode == Vocabulary.NONE) {
                        // Only known words are kept as tokens (most words are not); an unknown word still ends a
                        // number and counts for context distance.
                        words++;
                        gapFlags |= G_HARD;
                        gapLen++;
                        continue;
                    }
                    int cat = wordCode & Vocabulary.CATEGORY;
                    hasCvvWord |= cat == Vocabulary.CVV;
                    hasExpiryWord |= cat == Vocabulary.EXPIRY;
                    add(KIND_WORD, st, i, wordCode, gapLen == 0 ? G_ADJ : gapFlags(gapFlags, gapLen), words++, false);
                    gapFlags = 0;
                    gapLen = 0;
                } else {
                    gapLen++;
                    if (c == ',' && i + 1 < len && i > 0 && isDigit(text[i - 1]) && isDigit(text[i + 1])) {
                        gapFlags |= G_HARD; // "1,234": a thousands separator, never card grouping
                    }
                    switch (c) {
                        case ' ', '\t', '-', '.', '\u00a0' -> {
                        }
                        case ',' -> gapFlags |= G_COMMA;
                        case '/' -> gapFlags |= G_SLASH;
                        case '\n', '\r' -> gapFlags |= G_NEWLINE | G_HARD;
                        case '+', '#', '(', '$', '\u20ac', '\u00a3' -> gapFlags |= G_MARK | G_HARD;
                        default -> gapFlags |= G_HARD;
                    }
                    i++;
                }
            }
        }

        private static int gapFlags(int flags, int len) {
            return len > MAX_GAP ? flags | G_HARD : flags;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isLetter(char c) {
            int l = c | 0x20;
            if (l >= 'a' && l <= 'z') {
                return true;
            }
            return c >= 128 && Character.isLetter(c);
        }

        private void add(int k, int s, int e, int c, int g, int w, boolean glued) {
            if (n == start.length) {
                int cap = n * 2;
                start = java.util.Arrays.copyOf(start, cap);
                end = java.util.Arrays.copyOf(end, cap);
                kind = java.util.Arrays.copyOf(kind, cap);
                code = java.util.Arrays.copyOf(code, cap);
                gap = java.util.Arrays.copyOf(gap, cap);
                widx = java.util.Arrays.copyOf(widx, cap);
                glue = java.util.Arrays.copyOf(glue, cap);
                used = new boolean[cap];
            }
            start[n] = s;
            end[n] = e;
            kind[n] = k;
            code[n] = c;
            gap[n] = g;
            widx[n] = w;
            glue[n] = glued;
            used[n] = false;
            n++;
        }

        /** A number token glued to letters ("A123", "1st") is part of an identifier, never a card digit group. */
        boolean glued(int t) {
            return glue[t];
        }

        boolean digitBearing(int t) {
            if (kind[t] == KIND_NUM) {
                return code[t] <= 19 && !glued(t);
            }
            int cat = code[t] & Vocabulary.CATEGORY;
            if (cat == Vocabulary.DIGIT || cat == Vocabulary.TEEN || cat == Vocabulary.TENS) {
                return true;
            }
            return cat == Vocabulary.MULT && t + 1 < n && softGap(t + 1, false) && singleDigit(t + 1);
        }

        private boolean singleDigit(int t) {
            if (kind[t] == KIND_NUM) {
                return code[t] == 1 && !glued(t);
            }
            return (code[t] & Vocabulary.CATEGORY) == Vocabulary.DIGIT;
        }

        private int digitValue(int t) {
            return kind[t] == KIND_NUM ? text[start[t]] - '0' : code[t] & Vocabulary.VALUE;
        }

        private boolean softGap(int t, boolean allowSlash) {
            int g = gap[t];
            if ((g & (G_HARD | G_ADJ)) != 0) {
                // Adjacent tokens of different kinds ("four1") are not separated; two words never touch.
                return (g & G_HARD) == 0 && kind[t] == kind[t - 1] && kind[t] == KIND_WORD;
            }
            if ((g & G_SLASH) != 0 && !allowSlash) {
                return false;
            }
            return true;
        }

        /**
         * Collects the run of digit units starting at token {@code first}; returns the token index after it.
         * Fillers ("uh") inside spoken numbers are skipped.
         */
        int buildRun(int first, boolean allowSlash) {
            units = 0;
            runDigits = 0;
            int t = first;
            while (t < n) {
                if (t != first && !softGap(t, allowSlash)) {
                    break;
                }
                if (used[t]) {
                    break;
                }
                int consumed = unitAt(t);
                if (consumed == 0) {
                    if (t != first && kind[t] == KIND_WORD && (code[t] & Vocabulary.CATEGORY) == Vocabulary.FILLER
                            && t + 1 < n && softGap(t + 1, allowSlash) && digitBearing(t + 1)) {
                        t++;
                        continue;
                    }
                    break;
                }
                t += consumed;
                if (units >= 48) {
                    break; // far longer than any card; keeps the scratch bounded
                }
            }
            return t;
        }

        private int unitAt(int t) {
            if (kind[t] == KIND_NUM) {
                if (!digitBearing(t)) {
                    return 0;
                }
                int s = start[t];
                int len = end[t] - s;
                beginUnit(t, t, s, end[t], true);
                for (int i = 0; i < len; i++) {
                    digit(text[s + i]);
                }
                return 1;
            }
            int c = code[t];
            int cat = c & Vocabulary.CATEGORY;
            int v = c & Vocabulary.VALUE;
            if (cat == Vocabulary.DIGIT) {
                beginUnit(t, t, start[t], end[t], false);
                digit((char) ('0' + v));
                return 1;
            }
            if (cat == Vocabulary.TEEN) {
                beginUnit(t, t, start[t], end[t], false);
                digit('1');
                digit((char) ('0' + v - 10));
                return 1;
            }
            if (cat == Vocabulary.TENS) {
                // "forty one" = 41, "forty-one" = 41, "forty" alone = 40
                if (t + 1 < n && kind[t + 1] == KIND_WORD && softGap(t + 1, false)
                        && (code[t + 1] & Vocabulary.CATEGORY) == Vocabulary.DIGIT && (code[t + 1] & Vocabulary.VALUE) != 0
                        && !isOh(t + 1)) {
                    beginUnit(t, t + 1, start[t], end[t + 1], false);
                    digit((char) ('0' + v / 10));
                    digit((char) ('0' + (code[t + 1] & Vocabulary.VALUE)));
                    return 2;
                }
                beginUnit(t, t, start[t], end[t], false);
                digit((char) ('0' + v / 10));
                digit('0');
                return 1;
            }
            if (cat == Vocabulary.MULT && t + 1 < n && softGap(t + 1, false) && singleDigit(t + 1)) {
                int d = digitValue(t + 1);
                beginUnit(t, t + 1, start[t], end[t + 1], false);
                for (int i = 0; i < v; i++) {
                    digit((char) ('0' + d));
                }
                return 2;
            }
            return 0;
        }

        private boolean isOh(int t) {
            // "twenty oh five" reads as 2005 style; keep "oh" as its own zero
            return end[t] - start[t] <= 2 && (text[start[t]] | 0x20) == 'o';
        }

        private void beginUnit(int tokFirst, int tokLast, int cStart, int cEnd, boolean numeric) {
            if (units == uOff.length) {
                int cap = units * 2;
                uOff = java.util.Arrays.copyOf(uOff, cap);
                uLen = java.util.Arrays.copyOf(uLen, cap);
                uStart = java.util.Arrays.copyOf(uStart, cap);
                uEnd = java.util.Arrays.copyOf(uEnd, cap);
                uTokFirst = java.util.Arrays.copyOf(uTokFirst, cap);
                uTokLast = java.util.Arrays.copyOf(uTokLast, cap);
                uNumeric = java.util.Arrays.copyOf(uNumeric, cap);
            }
            uOff[units] = runDigits;
            uLen[units] = 0;
            uStart[units] = cStart;
            uEnd[units] = cEnd;
            uTokFirst[units] = tokFirst;
            uTokLast[units] = tokLast;
            uNumeric[units] = numeric;
            units++;
        }

        private void digit(char d) {
            if (runDigits == digits.length) {
                digits = java.util.Arrays.copyOf(digits, runDigits * 2);
            }
            digits[runDigits++] = d;
            uLen[units - 1]++;
        }

        /**
         * +1 when the nearest context word (looking back first, then a little forward, within the line) says
         * card, -1 when it says something else (order, ticket, phone...), 0 when there is none.
         */
        int context(int firstTok, int lastTok) {
            for (int t = firstTok - 1; t >= 0 && widx[firstTok] - widx[t] <= CONTEXT_BACK; t--) {
                if ((gap[t + 1] & G_NEWLINE) != 0) {
                    break;
                }
                int v = contextOf(t);
                if (v != 0) {
                    return v;
                }
            }
            for (int t = lastTok + 1; t < n && widx[t] - widx[lastTok] <= CONTEXT_FORWARD; t++) {
                if ((gap[t] & G_NEWLINE) != 0) {
                    break;
                }
                int v = contextOf(t);
                if (v != 0) {
                    return v;
                }
            }
            return 0;
        }

        private int contextOf(int t) {
            if (kind[t] != KIND_WORD) {
                return 0;
            }
            int cat = code[t] & Vocabulary.CATEGORY;
            if (cat == Vocabulary.CARD || cat == Vocabulary.CVV || cat == Vocabulary.EXPIRY) {
                return 1;
            }
            return cat == Vocabulary.NOT_CARD ? -1 : 0;
        }
    }
}
