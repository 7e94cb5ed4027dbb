package io.wem.governance.domain.redaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and redacts card data (PAN, CVV, expiry) in free text and whole conversations (call transcripts, notes).
 *
 * <p>How it works, without regular expressions, in one pass over the characters plus a pass over the few tokens:
 * <ol>
 * <li><b>Normalise while tokenizing.</b> Invisible characters (zero-width, soft hyphen, joiners, combining marks) are
 * skipped, every Unicode decimal digit (full-width, Arabic-Indic...) reads as its ASCII digit, full-width letters as
 * ASCII letters; any run of other characters (spaces, tabs, newlines, {@code - _ * / , .}) is a separator. Tokens keep
 * their offsets in the original text, so findings point at the original characters.</li>
 * <li><b>Tokens</b> are digit groups and known words ({@link Vocabulary}: number words, fillers, context words);
 * unknown words are not kept, they only end a number and count for context distance. A letter glued to digits
 * ("cc4111") is just a word before a digit group.</li>
 * <li><b>Runs.</b> Each speaker's tokens, across their turns, are read as runs of digit units ("4111", "four",
 * "double four", "forty one", "fifty", "four hundred and twelve") separated only by separators, hesitations and
 * fillers ("um", "sorry", "let me see", "no"); the other party's turns in between do not break a run.</li>
 * <li><b>PAN, fail closed.</b> Every sub-span of a run aligned to unit boundaries that has 12–19 digits, passes Luhn
 * and is in an issuer range is redacted, whatever the words around it (the union of all such spans, so overlapping
 * readings never leave digits). Context only adds: a run of 13+ digits near card words, a long spoken run, or a run
 * in which the speaker corrects digits is redacted whole as a suspected PAN. The only exclusions are numbers that
 * are provably something else: a checksum-valid IBAN, and a '+' country-code phone number of at most 15 digits.</li>
 * <li><b>CVV and expiry</b> are looked for after their context words (also in the following turns of any speaker)
 * and right after a PAN.</li>
 * </ol>
 *
 * <p>Thread-safe: per-call scratch space is kept per thread. Never logs or returns the secret itself.
 */
public final class PciRedactor {

    static final int NUM = 1;
    static final int WORD = 2;

    // What lies between a token and the one before it in the same turn.
    static final int G_TURN = 1;     // first token of its turn
    static final int G_NEWLINE = 2;
    static final int G_PLUS = 4;     // '+' right before: a phone number's country code
    static final int G_MONEY = 8;    // a currency sign right before: an amount
    static final int G_STOP = 16;    // a sentence ended in between ('. ', ';', '?', '!')
    static final int G_THOUSANDS = 32; // "72,494": a thousands separator, never card grouping
    static final int G_TIME = 64;    // "7:37", "15:36": the minutes of a clock time, a number of its own

    /** Separator characters a loose (PAN) run may bridge; more is a different part of the text. */
    private static final int LOOSE_GAP = 24;
    /** Separator characters a strict (CVV, expiry) run may bridge. */
    private static final int STRICT_GAP = 4;
    private static final int LOOSE_FILLERS = 6;
    /** Unknown words a spoken or chunked number may bridge inside a turn, and at each side of a turn change. */
    private static final int BRIDGE_IN_TURN = 3;
    private static final int BRIDGE_AT_TURN = 5;
    /** The longest digit group that still reads as a chunk of a number being dictated. */
    private static final int CHUNK = 8; // people split a 16-digit card in halves
    /**
     * Across a turn change a chunk may be longer: a card is also dictated as 10 + 6 or 11 + 5 digits, with or without
     * a card word (joining only lets the Luhn/issuer search see the whole; it adds no suspected finding by itself).
     */
    private static final int TURN_CHUNK = 12;
    /**
     * A conversation that ends this many digits into a card number (within card context) may be cut mid-card. Four
     * are left alone: "card ending in 6284" is common, and four digits are what PCI DSS allows to be shown anyway.
     */
    private static final int PARTIAL_MIN = 5;
    /** How close a card word must be for a Luhn-failing number to be redacted as a suspected PAN. */
    private static final int SUSPECT_CONTEXT_BACK = 6;
    private static final int SUSPECT_CONTEXT_FORWARD = 3;
    private static final int STRICT_FILLERS = 2;
    /** Turns of a speaker a PAN may be spread over (counting the other party's turns in between). */
    private static final int TURN_SPREAD = 6;
    private static final int CARD_CONTEXT_BACK = 20;
    private static final int CARD_CONTEXT_FORWARD = 6;
    private static final int CODE_WINDOW = 40;
    private static final int CODE_WINDOW_AFTER_PAN = 12;
    private static final int CODE_TURNS = 8;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** One turn of a conversation: who spoke and what they said. */
    public record Turn(String speaker, String text) {
    }

    /** Redacts with full placeholders. */
    public Redaction redact(String text) {
        return redact(text, false);
    }

    /** Finds the secrets without keeping the redacted text. */
    public List<Finding> find(String text) {
        return redact(text, false).findings();
    }

    /**
     * Redacts one text. Lines starting with a speaker label ("Customer: ...", "AGENT: ...") are read as turns of a
     * conversation, so a number split over one speaker's lines is still found.
     *
     * @param keepLastFour write {@code [PAN ****1111]} instead of {@code [PAN]} (the most PCI DSS allows to show
     *                     besides the first six; this engine never keeps more than the last four)
     */
    public Redaction redact(String text, boolean keepLastFour) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, List.of());
        }
        Scratch s = scratch.get();
        s.reset();
        Map<String, Integer> speakers = new HashMap<>(4);
        splitLabelledLines(s, text, speakers);
        return detectAndRender(s, new String[] {text}, keepLastFour).get(0);
    }

    /** Redacts an ordered conversation as one transcript; one result per turn, offsets in that turn's text. */
    public List<Redaction> redactConversation(List<Turn> turns, boolean keepLastFour) {
        Scratch s = scratch.get();
        s.reset();
        Map<String, Integer> speakers = new HashMap<>(4);
        String[] texts = new String[turns.size()];
        for (int i = 0; i < texts.length; i++) {
            Turn turn = turns.get(i);
            texts[i] = turn.text() == null ? "" : turn.text();
            String who = turn.speaker() == null ? "" : turn.speaker().trim().toLowerCase(java.util.Locale.ROOT);
            int spk = speakers.computeIfAbsent(who, k -> speakers.size());
            s.tokenize(texts[i], 0, texts[i].length(), s.turns++, spk, i);
        }
        return detectAndRender(s, texts, keepLastFour);
    }

    /**
     * A text whose lines carry speaker labels (at least two lines) becomes one turn per labelled line (unlabelled
     * lines continue it); the label stays part of its turn's text.
     */
    private static void splitLabelledLines(Scratch s, String text, Map<String, Integer> speakers) {
        int len = text.length();
        int labelled = 0;
        for (int lineStart = 0; lineStart < len && labelled < 2; ) {
            labelled += labelEnd(text, lineStart, len) > 0 ? 1 : 0;
            int nl = text.indexOf('\n', lineStart);
            lineStart = nl < 0 ? len : nl + 1;
        }
        if (labelled < 2) {
            s.tokenize(text, 0, len, s.turns++, 0, 0);
            return;
        }
        speakers.put("", 0);
        int turnStart = 0;
        int turnLabelEnd = 0;
        int spk = 0;
        for (int lineStart = 0; lineStart < len; ) {
            int labelEnd = labelEnd(text, lineStart, len);
            if (labelEnd > 0) {
                if (lineStart > turnStart) {
                    s.tokenize(text, turnStart, lineStart, s.turns++, spk, 0, turnLabelEnd);
                }
                String who = text.substring(lineStart, labelEnd - 1).trim().toLowerCase(java.util.Locale.ROOT);
                spk = speakers.computeIfAbsent(who, k -> speakers.size());
                turnStart = lineStart;
                turnLabelEnd = labelEnd;
            }
            int nl = text.indexOf('\n', lineStart);
            lineStart = nl < 0 ? len : nl + 1;
        }
        s.tokenize(text, turnStart, len, s.turns++, spk, 0, turnLabelEnd);
    }

    /** End (after ':') of a "Label:" at the start of a line, or -1. */
    private static int labelEnd(String text, int from, int len) {
        int i = from;
        while (i < len && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        int wordStart = i;
        while (i < len && i - wordStart <= 24) {
            char c = text.charAt(i);
            if (c == ':') {
                return i > wordStart && Character.isLetter(text.charAt(wordStart)) ? i + 1 : -1;
            }
            if (!Character.isLetterOrDigit(c) && c != ' ' && c != '_' && c != '-') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Detection over all tokens, then one redacted text per input text.

    private record Found(FindingType type, int text, int start, int end, double confidence, String lastFour) {
    }

    private List<Redaction> detectAndRender(Scratch s, String[] texts, boolean keepLastFour) {
        s.texts = texts;
        s.groupBySpeaker();
        List<Found> found = new ArrayList<>(4);
        List<Integer> panEnds = new ArrayList<>(2);
        findPans(s, found, panEnds);
        for (int t = 0; t < s.n; t++) {
            if (s.kind[t] == WORD && ((s.code[t] & Vocabulary.CATEGORY) == Vocabulary.EXPIRY || s.endDate(t))) {
                scanCodes(s, t, CODE_WINDOW, false, found);
            }
        }
        for (int end : panEnds) {
            scanCodes(s, end, CODE_WINDOW_AFTER_PAN, false, found);
        }
        for (int t = 0; t < s.n; t++) {
            if (s.kind[t] == WORD && ((s.code[t] & Vocabulary.CATEGORY) == Vocabulary.CVV || s.codeLength(t)
                    || s.theBack(t))) {
                scanCodes(s, t, CODE_WINDOW, true, found);
            }
        }
        for (int end : panEnds) {
            scanCodes(s, end, CODE_WINDOW_AFTER_PAN, true, found);
        }
        List<Redaction> out = new ArrayList<>(texts.length);
        if (found.isEmpty()) {
            for (String t : texts) {
                out.add(new Redaction(t, List.of()));
            }
            return out;
        }
        found.sort((a, b) -> a.text != b.text ? Integer.compare(a.text, b.text) : Integer.compare(a.start, b.start));
        int k = 0;
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            List<Found> mine = new ArrayList<>(2);
            while (k < found.size() && found.get(k).text == i) {
                Found f = found.get(k++);
                Found last = mine.isEmpty() ? null : mine.get(mine.size() - 1);
                if (last != null && f.start < last.end) {
                    // overlapping readings merge into one; a PAN wins over the codes it swallowed
                    FindingType type = last.type == FindingType.PAN || f.type == FindingType.PAN ? FindingType.PAN
                            : last.type;
                    mine.set(mine.size() - 1, new Found(type, i, last.start, Math.max(last.end, f.end),
                            Math.max(last.confidence, f.confidence), f.end >= last.end ? f.lastFour : last.lastFour));
                } else {
                    mine.add(f);
                }
            }
            if (mine.isEmpty()) {
                out.add(new Redaction(text, List.of()));
                continue;
            }
            StringBuilder sb = new StringBuilder(text.length());
            List<Finding> findings = new ArrayList<>(mine.size());
            int pos = 0;
            for (Found f : mine) {
                sb.append(text, pos, f.start);
                if (f.type == FindingType.PAN && keepLastFour && f.lastFour != null) {
                    sb.append("[PAN ****").append(f.lastFour).append(']');
                } else {
                    sb.append(f.type.placeholder());
                }
                pos = f.end;
                findings.add(new Finding(f.type, f.start, f.end, f.confidence));
            }
            sb.append(text, pos, text.length());
            out.add(new Redaction(sb.toString(), Collections.unmodifiableList(findings)));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // PAN

    private void findPans(Scratch s, List<Found> found, List<Integer> panEnds) {
        for (int p = 0; p < s.n; ) {
            int t = s.order[p];
            if (s.used[t] || !s.mayStartUnit(t)) {
                p++;
                continue;
            }
            int limit = s.groupEnd[s.spk[t]];
            if (s.kind[t] == WORD && p > 0 && s.spk[s.order[p - 1]] == s.spk[t]
                    && s.cat(s.order[p - 1]) == Vocabulary.MONTH && s.link(s.order[p - 1], t, true)) {
                // "may thirty four": the spoken year of a date; the number, if any, starts after it
                s.buildRun(p, limit, true, false);
                int year = s.units == 0 ? -1 : yearPrefix(s);
                if (year >= 0) {
                    p = s.uPosLast[year] + 1;
                    continue;
                }
            }
            int next = s.buildRun(p, limit, false, false);
            boolean partial = s.units > 0 && s.runDigits >= PARTIAL_MIN && s.endsConversation(next, limit);
            boolean rest = s.units > 0 && s.runDigits >= PARTIAL_MIN && s.continuesRedactedPan(p);
            // each "forty one" pair read as 40 1 adds a digit: a run one reading makes 11 digits long may hold a card
            if (s.units > 0 && (s.runDigits + s.tensPairs >= 12 || partial || rest)) {
                boolean[] cover = s.cover(next - p);
                boolean any = false;
                if (s.runHasTensUnit) {
                    // "fifty two" may be 52 or 50 2, and each such pair of the run either way ("fifty twenty five
                    // ... fifty four" is 50 20 5 ... 54): try the split readings too, and redact what any finds.
                    // Every combination up to 5 pairs; beyond that, all split.
                    int pairs = s.tensPairs;
                    int combos = pairs <= 5 ? (1 << pairs) - 1 : 1;
                    for (int m = 1; m <= combos; m++) {
                        s.buildRun(p, limit, false, pairs <= 5 ? m : -1);
                        boolean[] mine = new boolean[cover.length];
                        if (searchRun(s, p, mine)) {
                            any = true;
                            // the echo check must know the card's digits as the reading that found it has them
                            rememberCovered(s, p, mine);
                            for (int i = 0; i < cover.length; i++) {
                                cover[i] |= mine[i];
                            }
                        }
                    }
                    s.buildRun(p, limit, false, false);
                }
                any |= searchRun(s, p, cover);
                any |= searchWithoutRepeats(s, p, cover);
                emitRun(s, p, cover, any, partial, rest, found, panEnds);
            }
            p = Math.max(next, p + 1);
        }
        if (s.panCount > 0) {
            findEchoes(s, found);
        }
    }

    /** Remembers (for the echo check) the digits of each stretch of whole units the reading just built covers. */
    private static void rememberCovered(Scratch s, int p0, boolean[] cover) {
        int u = 0;
        while (u < s.units) {
            if (!anyCovered(s, u, p0, cover)) {
                u++;
                continue;
            }
            int e = u;
            while (e + 1 < s.units && anyCovered(s, e + 1, p0, cover)) {
                e++;
            }
            s.rememberPan(s.uOff[u], s.uOff[e] + s.uLen[e] - s.uOff[u]);
            u = e + 1;
        }
    }

    /**
     * Digits that repeat part of a card number already found, anywhere in the conversation: the agent reading chunks
     * back, a first reading abandoned before "from the top", a group said twice. Any run (any speaker) whose
     * unit-aligned stretch of 5+ digits occurs inside a found PAN goes too; alone it is no card, but it is part of
     * one (4 digits stay: "ending in 8540" is what PCI DSS allows to show).
     */
    private static void findEchoes(Scratch s, List<Found> found) {
        for (int p = 0; p < s.n; ) {
            int t = s.order[p];
            if (s.used[t] || !s.mayStartUnit(t)) {
                p++;
                continue;
            }
            int next = s.buildRun(p, s.groupEnd[s.spk[t]], false, false);
            if (s.units > 0 && s.runDigits >= 2 && s.runDigits < 5 && s.readBack(next)
                    && s.inFoundPan(0, s.runDigits)) {
                // "six five two six, got it": a short chunk read back right beside the card's dictation is a
                // piece of it (alone harmless, but with the other pieces of that speaker it rebuilds the card)
                emitStretch(s, 0, s.units - 1, FindingType.PAN, 0.9, found);
            } else if (s.units > 0 && s.runDigits >= 5) {
                // any five digits in a row of the run that occur in a found card, across unit boundaries too: an
                // abandoned first reading "four, nine one oh ... 62 ... sorry, no" reads 4910 62, so 49106 of 4910 64...
                // (this covers every whole-unit stretch of 5+ digits inside a card as well); one table look-up per digit
                boolean[] mark = new boolean[s.units];
                int k = 0;
                for (int i = 0; i + 5 <= s.runDigits; i++) {
                    if (s.inFoundPan5(i)) {
                        while (s.uOff[k] + s.uLen[k] <= i) {
                            k++;
                        }
                        for (int j = k; j < s.units && s.uOff[j] < i + 5; j++) {
                            mark[j] = true;
                        }
                    }
                }
                for (int u = 0; u < s.units; ) {
                    if (!mark[u]) {
                        u++;
                        continue;
                    }
                    int e = u;
                    while (e + 1 < s.units && mark[e + 1]) {
                        e++;
                    }
                    emitStretch(s, u, e, FindingType.PAN, 0.9, found);
                    u = e + 1;
                }
            }
            p = Math.max(next, p + 1);
        }
    }

    /**
     * The run read with groups said twice in a row left out ("six zero double one... six zero double one, five five
     * eight seven"): a 3–8 digit group between pauses that equals the digits right before it. The Luhn/issuer search runs
     * on what is left; a hit covers the repeats inside it and one right after it.
     */
    private static boolean searchWithoutRepeats(Scratch s, int p0, boolean[] cover) {
        int units = s.units;
        if (s.runDigits < 15) {
            return false;
        }
        boolean[] repeat = new boolean[units];
        boolean anyRepeat = false;
        for (int u = 1; u < units; ) {
            int total = 0;
            int match = -1;
            for (int e = u; e < units && total < 8; e++) {
                total += s.uLen[e];
                if (total >= 3 && total <= 8 && pauseBefore(s, u) && keptBefore(s, repeat, u, total)
                        && Arrays.equals(s.digits, s.uOff[u] - total, s.uOff[u], s.digits, s.uOff[u], s.uOff[u] + total)) {
                    match = e;
                    break;
                }
            }
            if (match >= 0) {
                Arrays.fill(repeat, u, match + 1, true);
                anyRepeat = true;
                u = match + 1;
            } else {
                u++;
            }
        }
        if (!anyRepeat) {
            return false;
        }
        int[] kept = new int[units];
        int k = 0;
        char[] d = new char[s.runDigits];
        int[] off = new int[units];
        int dl = 0;
        for (int u = 0; u < units; u++) {
            if (!repeat[u]) {
                kept[k] = u;
                off[k++] = dl;
                System.arraycopy(s.digits, s.uOff[u], d, dl, s.uLen[u]);
                dl += s.uLen[u];
            }
        }
        boolean any = false;
        for (int i = 0; i < k; i++) {
            int total = 0;
            for (int j = i; j < k; j++) {
                total += s.uLen[kept[j]];
                if (total > 19) {
                    break;
                }
                if (total >= 12 && CardNumbers.plausiblePan(d, off[i], total)
                        && !excluded(s, kept[i], kept[j], total) && wholeChunksAcrossTurns(s, kept[i], kept[j])) {
                    int last = kept[j];
                    while (last + 1 < units && repeat[last + 1]) {
                        last++;
                    }
                    Arrays.fill(cover, s.uPosFirst[kept[i]] - p0, Math.min(s.uPosLast[last] - p0 + 1, s.coverSize),
                            true);
                    any = true;
                }
            }
        }
        return any;
    }

    /**
     * Whether a pause comes before unit u: more than one separator character, a filler word, or a turn change (a
     * group is said again after a pause, "five nine six - five nine six"; "2 5 9 6 5 9 6 0" repeats nothing).
     */
    private static boolean pauseBefore(Scratch s, int u) {
        int t = s.order[s.uPosFirst[u]];
        return s.uPosFirst[u] - s.uPosLast[u - 1] > 1 || s.gapLen[t] >= 2 || (s.gap[t] & G_TURN) != 0;
    }

    /** Whether the {@code total} digits right before unit u start on a unit boundary and none is a repeat. */
    private static boolean keptBefore(Scratch s, boolean[] repeat, int u, int total) {
        int need = total;
        for (int k = u - 1; k >= 0 && need > 0; k--) {
            if (repeat[k]) {
                return false;
            }
            need -= s.uLen[k];
        }
        return need == 0;
    }

    /** Marks (by view position from p0) every unit-aligned 12–19 digit span of the run that is a valid PAN. */
    private static boolean searchRun(Scratch s, int p0, boolean[] cover) {
        boolean any = false;
        for (int u = 0; u < s.units; u++) {
            int total = 0;
            for (int e = u; e < s.units; e++) {
                total += s.uLen[e];
                if (total > 19) {
                    break;
                }
                if (total >= 12 && CardNumbers.plausiblePan(s.digits, s.uOff[u], total) && !excluded(s, u, e, total)
                        && wholeChunksAcrossTurns(s, u, e)) {
                    Arrays.fill(cover, s.uPosFirst[u] - p0, Math.min(s.uPosLast[e] - p0 + 1, s.coverSize), true);
                    any = true;
                }
            }
            // A long typed block may hold a 16+ digit PAN with digits glued after it ("4111111111111111234"): try
            // the PANs ending inside it too; the whole block goes. (Not shorter ones: most 16-digit numbers have
            // some 12-15 digit prefix that passes Luhn.)
            for (int e = u, before = 0; e < s.units && before < 19; before += s.uLen[e], e++) {
                if (s.uLen[e] < 8 || s.uSpoken[e]) {
                    continue;
                }
                for (int len = Math.max(16, before + 1); len < before + s.uLen[e] && len <= 16; len++) {
                    if (CardNumbers.plausiblePan(s.digits, s.uOff[u], len) && !excluded(s, u, e, len)) {
                        Arrays.fill(cover, s.uPosFirst[u] - p0, Math.min(s.uPosLast[e] - p0 + 1, s.coverSize), true);
                        any = true;
                    }
                }
            }
        }
        return any;
    }

    /**
     * A reading that spans a turn change must take whole chunks: a card dictated over turns starts where its
     * speaker starts a chunk and ends where they stop one. (Inside one turn any unit-aligned reading counts, fail
     * closed; across turns, reading from the middle of one number into another is how two harmless numbers of one
     * speaker, a phone number and a date several turns apart, would "contain" a card.)
     */
    private static boolean wholeChunksAcrossTurns(Scratch s, int u, int e) {
        if (s.turn[s.order[s.uPosFirst[u]]] == s.turn[s.order[s.uPosLast[e]]]) {
            return true;
        }
        if (!s.uChunk[u]) {
            return false;
        }
        // it ends where a chunk ends, or only a few spoken digits of its chunk follow ("9477 for": a word that may be
        // a digit; absorbSpokenEdges takes them along)
        int after = 0;
        for (int k = e + 1; k < s.units && !s.uChunk[k]; k++) {
            if (!s.uSpoken[k]) {
                return false;
            }
            after += s.uLen[k];
        }
        return after <= 3;
    }

    /** Redacts the covered parts of the current run (whole run when suspected), whole units at a time. */
    private static void emitRun(Scratch s, int p0, boolean[] cover, boolean any, boolean partial, boolean rest,
                                List<Found> found, List<Integer> panEnds) {
        int units = s.units;
        int first = s.order[s.uPosFirst[0]];
        int last = s.order[s.uPosLast[units - 1]];
        boolean context = s.cardContext(first, last);
        int spokenDigits = 0;
        for (int u = 0; u < units; u++) {
            spokenDigits += s.uSpoken[u] ? s.uLen[u] : 0;
        }
        boolean suspected = false;
        boolean byCorrection = false;
        // a typed 13-digit number starting with 1 is a millisecond timestamp (2001-2033): no issuer uses it
        boolean timestamp = units == 1 && !s.uSpoken[0] && s.runDigits == 13 && s.digits[0] == '1';
        if (!any && rest && (s.gap[first] & G_MONEY) == 0) {
            // cross-batch rule (b): the speaker's previous turn ended on a card number already redacted (a batch
            // cut mid-card, sent back by the caller as context): digits opening their next turn are its rest
            suspected = true;
        } else if (!any && partial && !timestamp && (s.gap[first] & (G_MONEY | G_PLUS)) == 0
                && s.cardNumberAsked(first)) {
            // the conversation (a batch, a transcript) ends on digits dictated after card words, not recognised as
            // a card: the rest (or a lost first digit) may be in the next one, where neither part alone would be
            // recognised (fail closed)
            suspected = true;
        } else if (s.runDigits < 12) {
            suspected = false;
        } else if (s.runCorrected) {
            suspected = true; // "four one, no, four two": which digits count is guesswork, so all of them go
            byCorrection = true;
        } else if (!any && s.runDigits >= 13 && !anyIban(s)) {
            // people read out few other numbers this long; a misheard digit must not let a card through
            // 12 digits after a card word: the shortest card length (Maestro), or a card read with a digit lost
            suspected = !timestamp && (s.cardWordNear(first, last)
                    || (s.runDigits >= 13 && !s.runBridged && spokenDigits * 2 >= s.runDigits && s.runDigits >= 15));
        }
        if (any && !suspected) {
            absorbSpokenEdges(s, p0, cover);
        }
        if (!any && !suspected) {
            return;
        }
        double confidence = any ? (context ? 0.99 : 0.95) : 0.6;
        // A correction makes the digits of its own turn guesswork, not the speaker's other numbers: over several
        // turns, when a card was found in the run, the whole-run rule keeps to the turns where a correction word
        // was said, the card was read, or digits were said in words (a dictation's chunks; "the last payment was
        // on 2021-04-09" / "no wait, 3051, 297874, 6608": the typed date stays). With no card found, all of the run goes: a corrected dictation over turns ("two five five
        // six" / "then four seven five one" / ... / "one two three nine, sorry, three zero") is found by no
        // reading, and each of its turns is part of it.
        int[] keepTurns = null;
        if (byCorrection && any && s.turn[first] != s.turn[last]) {
            keepTurns = new int[units * 2 + 4];
            int k = 0;
            for (int p = s.uPosFirst[0]; p <= s.uPosLast[units - 1] && k < keepTurns.length; p++) {
                int t = s.order[p];
                if (s.cat(t) == Vocabulary.CORRECTION || (p - p0 < s.coverSize && cover[p - p0])
                        || (s.kind[t] == WORD && s.mayStartUnit(t))) {
                    keepTurns[k++] = s.turn[t] + 1;
                }
            }
        }
        int u = 0;
        while (u < units) {
            boolean covered = suspected && inTurns(keepTurns, s.turn[s.order[s.uPosFirst[u]]]);
            for (int p = s.uPosFirst[u]; p <= s.uPosLast[u] && p - p0 < s.coverSize && !covered; p++) {
                covered = cover[p - p0];
            }
            if (!covered) {
                u++;
                continue;
            }
            int e = u;
            while (e + 1 < units && ((suspected && inTurns(keepTurns, s.turn[s.order[s.uPosFirst[e + 1]]]))
                    || anyCovered(s, e + 1, p0, cover))) {
                e++;
            }
            emitStretch(s, u, e, FindingType.PAN, confidence, found);
            s.rememberPan(s.uOff[u], s.uOff[e] + s.uLen[e] - s.uOff[u]);
            panEnds.add(s.order[s.uPosLast[e]]);
            u = e + 1;
        }
    }

    /** Whether turn tr is among keep (turn + 1 each, 0 ends the list); a null list holds every turn. */
    private static boolean inTurns(int[] keep, int tr) {
        if (keep == null) {
            return true;
        }
        for (int k : keep) {
            if (k == 0) {
                return false;
            }
            if (k == tr + 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * A spoken PAN read slightly differently than it was meant ("fifty two" for 50 2) leaves a digit or three of the
     * same breath beside it: those go with it.
     */
    private static void absorbSpokenEdges(Scratch s, int p0, boolean[] cover) {
        int firstCovered = -1;
        int lastCovered = -1;
        for (int u = 0; u < s.units; u++) {
            if (anyCovered(s, u, p0, cover)) {
                lastCovered = u;
                if (firstCovered < 0) {
                    firstCovered = u;
                }
            }
        }
        int before = 0;
        boolean spokenBefore = true;
        for (int u = 0; u < firstCovered; u++) {
            before += s.uLen[u];
            spokenBefore &= s.uSpoken[u];
        }
        if (firstCovered > 0 && before <= 3 && spokenBefore && s.uSpoken[firstCovered]) {
            Arrays.fill(cover, 0, s.uPosFirst[firstCovered] - p0, true);
        }
        int after = 0;
        boolean spokenAfter = true;
        for (int u = lastCovered + 1; u < s.units; u++) {
            after += s.uLen[u];
            spokenAfter &= s.uSpoken[u];
        }
        if (lastCovered < s.units - 1 && after <= 3 && spokenAfter && s.uSpoken[lastCovered]) {
            Arrays.fill(cover, s.uPosLast[lastCovered] - p0, Math.min(s.uPosLast[s.units - 1] - p0 + 1, s.coverSize),
                    true);
        }
        // A card read out in words goes on in words in the same breath: the spoken digits that follow it in its
        // turn, within the run (pauses, fillers, a "yes" between), are the rest of it or a repeat of a group; a
        // reading that passed Luhn early ("5061 - 5061, 7490 - 4903 - 4903, yes... 9759 35") must not leave them.
        if (lastCovered >= 0 && s.uSpoken[lastCovered]) {
            int tr = s.turn[s.order[s.uPosLast[lastCovered]]];
            int e = lastCovered;
            while (e + 1 < s.units && s.uSpoken[e + 1] && s.turn[s.order[s.uPosFirst[e + 1]]] == tr) {
                e++;
            }
            if (e > lastCovered) {
                Arrays.fill(cover, s.uPosLast[lastCovered] - p0, Math.min(s.uPosLast[e] - p0 + 1, s.coverSize), true);
            }
        }
        if (firstCovered > 0 && s.uSpoken[firstCovered]) {
            int tr = s.turn[s.order[s.uPosFirst[firstCovered]]];
            int b = firstCovered;
            while (b - 1 >= 0 && s.uSpoken[b - 1] && s.turn[s.order[s.uPosFirst[b - 1]]] == tr) {
                b--;
            }
            if (b < firstCovered) {
                Arrays.fill(cover, s.uPosFirst[b] - p0, Math.min(s.uPosFirst[firstCovered] - p0, s.coverSize), true);
            }
        }
    }

    private static boolean anyIban(Scratch s) {
        for (int u = 0; u < s.units; u++) {
            if (s.iban[s.order[s.uPosFirst[u]]]) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyCovered(Scratch s, int u, int p0, boolean[] cover) {
        for (int p = s.uPosFirst[u]; p <= s.uPosLast[u] && p - p0 < s.coverSize; p++) {
            if (cover[p - p0]) {
                return true;
            }
        }
        return false;
    }

    /** Numbers that are provably not cards: checksum-valid IBANs, '+' country-code phone numbers. */
    private static boolean excluded(Scratch s, int u, int e, int total) {
        for (int k = u; k <= e; k++) {
            if (s.iban[s.order[s.uPosFirst[k]]]) {
                return true;
            }
        }
        // "+44 20 7946 0958": a '+' country code starts a phone number, at most 15 digits, typed
        if ((s.gap[s.order[s.uPosFirst[0]]] & G_PLUS) == 0 || s.uLen[0] > 3) {
            return false;
        }
        int phone = 0;
        for (int k = 0; k <= e; k++) {
            if (s.uSpoken[k]) {
                return false;
            }
            phone += s.uLen[k];
        }
        return phone <= 15;
    }

    /**
     * Emits units u..e (one piece per turn they touch, from its first to its last unit there; a turn the run only
     * passed through with fillers is left alone) and marks their tokens used.
     */
    private static void emitStretch(Scratch s, int u, int e, FindingType type, double confidence, List<Found> found) {
        String lastFour = null;
        if (type == FindingType.PAN) {
            int endDigit = s.uOff[e] + s.uLen[e];
            int startDigit = s.uOff[u];
            lastFour = endDigit - startDigit >= 4 ? new String(s.digits, endDigit - 4, 4) : null;
        }
        int pieceStart = -1;
        int pieceTurn = -1;
        int pieceText = -1;
        int pieceEnd = -1;
        for (int k = u; k <= e; k++) {
            for (int p = s.uPosFirst[k]; p <= s.uPosLast[k]; p++) {
                int t = s.order[p];
                if (s.turn[t] != pieceTurn) {
                    if (pieceStart >= 0) {
                        found.add(new Found(type, pieceText, pieceStart, pieceEnd, confidence, null));
                    }
                    pieceTurn = s.turn[t];
                    pieceText = s.txt[t];
                    pieceStart = s.start[t];
                }
                pieceEnd = s.end[t];
            }
        }
        found.add(new Found(type, pieceText, pieceStart, pieceEnd, confidence, lastFour));
        for (int p = s.uPosFirst[u]; p <= s.uPosLast[e]; p++) {
            s.used[s.order[p]] = true;
            if (type == FindingType.PAN) {
                s.markPanTurn(s.turn[s.order[p]]);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // CVV and expiry: after their context words (or a PAN), in any speaker's following turns.

    /**
     * Looks for a CVV ({@code cvv}) or an expiry after token {@code from}: a context word (then the first number that
     * reads as one, skipping "the three digits"), or the last token of a PAN (then only the number right after it).
     */
    private void scanCodes(Scratch s, int from, int window, boolean cvv, List<Found> found) {
        boolean afterPan = s.kind[from] == NUM || s.mayStartUnit(from);
        int other = cvv ? Vocabulary.EXPIRY : Vocabulary.CVV;
        int numbers = 0; // numbers passed over since the context word or the card
        boolean asked = !afterPan; // a word asked for the code (else the card alone: only the number right after)
        for (int t = from + 1; t < s.n && s.widx[t] - s.widx[from] <= window
                && s.turn[t] - s.turn[from] <= CODE_TURNS; t++) {
            if (s.used[t]) {
                if (afterPan) {
                    continue; // "4111... 12/27 123": the expiry is taken, the code follows it
                }
                return; // something already found there; what follows belongs to it
            }
            int cat = s.kind[t] == WORD ? s.code[t] & Vocabulary.CATEGORY : 0;
            if (cat == other || !cvv && afterPan && cat == Vocabulary.CODE) {
                return; // the other code is being talked about now
            }
            if (cat == Vocabulary.CODE) {
                asked = true; // "4111... code 321 dollars": as after "cvv"
                numbers = 0;
            }
            int p = s.pos[t];
            int limit = s.groupEnd[s.spk[t]];
            if (!cvv && cat == Vocabulary.MONTH) {
                int q = p + 1;
                if (q < limit && s.link(t, s.order[q], true) && s.isSeparator(s.order[q])) {
                    q++; // "april of twenty eight", "april slash 28"
                }
                if (q < limit && s.link(s.order[q - 1], s.order[q], true)) {
                    s.buildRun(q, limit, true, false);
                    int year = s.units == 0 ? -1 : yearPrefix(s);
                    if (year >= 0) {
                        s.used[t] = true;
                        int before = found.size();
                        emitStretch(s, 0, year, FindingType.EXPIRY, 0.9, found);
                        Found f = found.get(before); // a strict run stays in one turn: widen it to the month word
                        found.set(before, new Found(f.type, f.text, s.start[t], f.end, f.confidence, null));
                        return;
                    }
                }
                continue;
            }
            if (s.mayStartUnit(t) && (s.gap[t] & G_MONEY) != 0) {
                // "$120", "€45.50": an amount, passed over whole; the code may follow it, as after "120 euros"
                int end = s.buildRun(p, limit, true, false);
                if (end > p + 1) {
                    t = s.order[end - 1];
                }
                numbers++;
                continue;
            }
            if (!s.mayStartUnit(t) || s.describesLength(p, limit)) {
                if (afterPan && s.mayStartUnit(t)) {
                    return;
                }
                continue;
            }
            int next = s.buildRun(p, limit, true, false);
            if (s.units > 0) {
                int last = cvv ? cvvPrefix(s) : expiryPrefix(s);
                boolean amount = last >= 0 && s.currencyAfter(s.order[s.uPosLast[last]]);
                if (last >= 0 && (!amount || asked && numbers == 0)) {
                    // the first number after "cvv", "security code"... is the code even when a currency word follows
                    // it ("the cvv is 321 dollars"): failing closed costs one amount, failing open a code
                    emitStretch(s, 0, last, cvv ? FindingType.CVV : FindingType.EXPIRY, 0.9, found);
                    return;
                }
                numbers++;
                // "300 dollars" further on is an amount: redacting it would also join the digits on either side of
                // it for a reader, which can line up five digits of the card (held-out set 2's long transcript). An
                // amount right after the card does not end the search: "4111... for 120 euros, code 321".
                if (afterPan && !amount) {
                    return;
                }
            }
            // not a code: keep looking after this number (e.g. "the three digits, is 123")
            if (next > p + 1) {
                t = s.order[next - 1];
            }
        }
    }

    private static int pieceCount(Scratch s, int u, int e) {
        int pieces = 1;
        for (int p = s.uPosFirst[u] + 1; p <= s.uPosLast[e]; p++) {
            if (s.turn[s.order[p]] != s.turn[s.order[p - 1]]) {
                pieces++;
            }
        }
        return pieces;
    }

    /** Last unit of the run if it is a 3- or 4-digit code ("call me back on 452-532-4054" is not), or -1. */
    private static int cvvPrefix(Scratch s) {
        return s.runDigits == 3 || s.runDigits == 4 ? s.units - 1 : -1;
    }

    /** Last unit of a month-and-year at the start of the run (3–6 digits: M YY, MM YY, M 20YY, MM 20YY), or -1. */
    private static int expiryPrefix(Scratch s) {
        char[] d = s.digits;
        if (s.units >= 3 && s.uLen[0] <= 2 && s.uLen[1] <= 2 && s.uLen[2] == 4 && !s.uSpoken[2]
                && (d[s.uOff[2]] == '1' && d[s.uOff[2] + 1] == '9' || d[s.uOff[2]] == '2' && d[s.uOff[2] + 1] == '0')) {
            return -1; // "01/01/1964": day, month and year is a date of birth or an order date; a card has no day
        }
        int total = 0;
        int best = -1;
        for (int u = 0; u < s.units && total < 6; u++) {
            total += s.uLen[u];
            boolean ok = switch (total) {
                case 3 -> validMonth(d[0] - '0');
                case 4 -> validMonth(two(d, 0));
                case 5 -> validMonth(d[0] - '0') && d[1] == '2' && d[2] == '0';
                case 6 -> validMonth(two(d, 0)) && d[2] == '2' && d[3] == '0';
                default -> false;
            };
            if (ok && (u == s.units - 1 || s.runDigits - total == 3 || s.runDigits - total == 4)) {
                best = u; // the whole run, or the run is "12/27 123": expiry then code
            }
        }
        return best;
    }

    /** Last unit of a year ("28", "2028") at the start of the run, or -1. */
    private static int yearPrefix(Scratch s) {
        int total = 0;
        int best = -1;
        for (int u = 0; u < s.units && total < 4; u++) {
            total += s.uLen[u];
            if (total == 2 || (total == 4 && s.digits[0] == '2' && s.digits[1] == '0')) {
                best = u;
            }
        }
        return best;
    }

    private static int two(char[] d, int off) {
        return (d[off] - '0') * 10 + (d[off + 1] - '0');
    }

    private static boolean validMonth(int m) {
        return m >= 1 && m <= 12;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tokens and runs, in arrays reused per thread.

    static final class Scratch {
        int n;
        int turns;
        int[] kind = new int[256];
        int[] code = new int[256];
        int[] start = new int[256];
        int[] end = new int[256];
        int[] gap = new int[256];
        int[] gapLen = new int[256];
        int[] skipBefore = new int[256]; // unknown words between this token and the previous one of its turn
        int[] skipAfter = new int[256];  // unknown words between this token and the next one of its turn (or its end)
        int[] widx = new int[256];       // position among all words and numbers of the conversation
        int[] turn = new int[256];
        int[] spk = new int[256];
        int[] txt = new int[256];
        int[] dOff = new int[256];
        int[] dLen = new int[256];
        boolean[] used = new boolean[256];
        boolean[] iban = new boolean[256];
        int words;
        char[] dig = new char[256];
        int dn;
        final char[] wbuf = new char[16];
        char[] chars = new char[1024];

        // tokens grouped by speaker, in conversation order within a speaker
        String[] texts; // the texts being redacted (token offsets index into them)
        int[] order = new int[256];
        int[] pos = new int[256];
        int[] groupEnd = new int[8];
        int[] cardWords = new int[16];
        int cardCount;
        // turns (and their speakers) that name a security code or an expiry date
        /** Turns holding part of a PAN found so far. */
        boolean[] panTurn = new boolean[16];

        void markPanTurn(int turnIdx) {
            if (turnIdx >= panTurn.length) {
                panTurn = Arrays.copyOf(panTurn, Math.max(turnIdx + 1, panTurn.length * 2));
            }
            panTurn[turnIdx] = true;
        }

        private boolean panTurn(int turnIdx) {
            return turnIdx >= 0 && turnIdx < panTurn.length && panTurn[turnIdx];
        }

        /**
         * Whether the run just built (ending before view position next) lies in one turn, holds all the digits of
         * that turn, and the turn right before or after it holds part of a PAN: a chunk read back or confirmed.
         */
        boolean readBack(int next) {
            int first = order[uPosFirst[0]];
            int last = order[next - 1];
            int tr = turn[first];
            if (turn[last] != tr || !(panTurn(tr - 1) || panTurn(tr + 1)) || panTurn(tr)) {
                return false;
            }
            // tokens are in text order, turn by turn: the turn's other tokens are next to the run's
            int lo = Math.min(first, last);
            int hi = Math.max(first, last);
            for (int t = lo - 1; t >= 0 && turn[t] == tr; t--) {
                if (kind[t] == NUM) {
                    return false; // other digits in that turn: it says more than a chunk
                }
            }
            for (int t = hi + 1; t < n && turn[t] == tr; t++) {
                if (kind[t] == NUM) {
                    return false;
                }
            }
            return true;
        }

        int[] codeTurns = new int[16];
        int[] codeSpeakers = new int[16];
        int codeTurnCount;

        // the current run
        int units;
        int runDigits;
        boolean runCorrected;
        boolean runHasTensUnit;
        /** Which "forty one" pairs of the run (bit i: the i-th) are read as 40 1 instead of 41. */
        int splitMask;
        /** How many "forty one" pairs the run has (counted in the reading that joins them). */
        int tensPairs;
        boolean runBridged;
        boolean bridgedSinceUnit;
        // the bridge since the last unit crossed a turn change, and how many unknown words it skipped
        boolean turnBridgeSinceUnit;
        int skippedSinceUnit;
        int chunkDigits;
        char[] digits = new char[256];
        int[] uOff = new int[64];
        int[] uLen = new int[64];
        int[] uPosFirst = new int[64];
        int[] uPosLast = new int[64];
        boolean[] uSpoken = new boolean[64];
        /** The unit opens a chunk: the run's first, or the first after a turn change or words bridged over. */
        boolean[] uChunk = new boolean[64];
        boolean[] coverBuf = new boolean[64];

        // digits of the PANs found so far in this conversation, back to back, for echoes of them
        char[] panBuf = new char[64];
        int[] panOff = new int[4];
        int[] panLen = new int[4];
        int panCount;
        int panBufLen;

        void rememberPan(int off, int len) {
            if (len < 12 || (panWindow[window5(digits, off)] && inFoundPan(off, len))) {
                return; // too short, or already known (a card said twice, read back): keeps the echo check linear
            }
            if (panBufLen + len > panBuf.length) {
                panBuf = Arrays.copyOf(panBuf, (panBufLen + len) * 2);
            }
            if (panCount == panOff.length) {
                panOff = Arrays.copyOf(panOff, panCount * 2);
                panLen = Arrays.copyOf(panLen, panCount * 2);
            }
            System.arraycopy(digits, off, panBuf, panBufLen, len);
            for (int i = off; i + 5 <= off + len; i++) {
                int w = window5(digits, i);
                if (!panWindow[w]) {
                    panWindow[w] = true;
                    if (panWindowCount == panWindowList.length) {
                        panWindowList = Arrays.copyOf(panWindowList, panWindowCount * 2);
                    }
                    panWindowList[panWindowCount++] = w;
                }
            }
            panOff[panCount] = panBufLen;
            panLen[panCount++] = len;
            panBufLen += len;
        }

        /** Every 5-digit window of the PANs found (as a number 0..99999), and the list of those set, to clear. */
        private final boolean[] panWindow = new boolean[100_000];
        private int[] panWindowList = new int[64];
        private int panWindowCount;

        private static int window5(char[] d, int i) {
            return (d[i] - '0') * 10_000 + (d[i + 1] - '0') * 1000 + (d[i + 2] - '0') * 100 + (d[i + 3] - '0') * 10
                    + (d[i + 4] - '0');
        }

        /** Whether the five digits at digits[off] of the current run occur inside one of the PANs found. */
        boolean inFoundPan5(int off) {
            return panWindow[window5(digits, off)];
        }

        /** Whether digits[off, off + len) of the current run occur inside one of the PANs found. */
        boolean inFoundPan(int off, int len) {
            if (len >= 5 && !panWindow[window5(digits, off)]) {
                return false;
            }
            for (int k = 0; k < panCount; k++) {
                for (int a = panOff[k]; a + len <= panOff[k] + panLen[k]; a++) {
                    if (Arrays.equals(panBuf, a, a + len, digits, off, off + len)) {
                        return true;
                    }
                }
            }
            return false;
        }

        void reset() {
            for (int i = 0; i < panWindowCount; i++) {
                panWindow[panWindowList[i]] = false;
            }
            panWindowCount = 0;
            panCount = 0;
            panBufLen = 0;
            Arrays.fill(panBuf, '\0'); // the previous call's card digits do not outlive it by more than one call
            n = 0;
            texts = null;
            turns = 0;
            words = 0;
            dn = 0;
            cardCount = 0;
            codeTurnCount = 0;
            Arrays.fill(panTurn, false);
        }

        int coverSize;

        /** A cleared flag per view position of the current run. */
        boolean[] cover(int size) {
            if (coverBuf.length < size) {
                coverBuf = new boolean[size * 2];
            }
            Arrays.fill(coverBuf, 0, size, false);
            coverSize = size;
            return coverBuf;
        }

        // ------------------------------------------------------------------ tokenizer

        /** Tokenizes text[from, to) as one turn; offsets stay those of {@code text}. */
        void tokenize(String text, int from, int to, int turnIdx, int speaker, int textIdx) {
            tokenize(text, from, to, turnIdx, speaker, textIdx, from);
        }

        /** As above; unknown words before {@code labelEnd} (a speaker label) do not separate anything. */
        void tokenize(String text, int from, int to, int turnIdx, int speaker, int textIdx, int labelEnd) {
            if (chars.length < to - from) {
                chars = new char[Math.max(to - from, chars.length * 2)];
            }
            text.getChars(from, to, chars, 0); // array access is markedly faster than charAt in this loop
            final char[] b = chars;
            final int base = from;
            int firstTok = n;
            int gapFlags = G_TURN;
            int gapChars = 0;
            int unknown = 0;
            boolean plus = false;
            boolean money = false;
            int ibanEnd = -1;
            int i = from;
            while (i < to) {
                char c = b[i - base];
                int digit = digitOf(c);
                if (digit < 0 && (Character.isHighSurrogate(c) || c == 'o' || c == 'O')) {
                    digit = digitAt(b, i - base, to - base);
                }
                if (digit >= 0) {
                    int st = i;
                    int off = dn;
                    while (i < to) {
                        c = b[i - base];
                        int v = digitOf(c);
                        if (v < 0 && (c == 'o' || c == 'O')) {
                            // the whole run at once: asking per letter re-read the run each time (quadratic)
                            int end = zeroRunEnd(b, i - base, to - base);
                            if (end >= 0) {
                                for (int j = i - base; j < end; j++) {
                                    putDigit('0');
                                }
                                i = base + end;
                                continue;
                            }
                        }
                        if (v < 0 && Character.isHighSurrogate(c)) {
                            v = digitAt(b, i - base, to - base);
                        }
                        if (v >= 0) {
                            putDigit((char) ('0' + v));
                            if (Character.isHighSurrogate(c)) {
                                i++; // a digit outside the BMP ("𝟒", mathematical digits) takes two chars
                            }
                        } else if (!invisible(c)) {
                            break;
                        }
                        i++;
                    }
                    int tok = add(NUM, 0, st, i, gapFlags | (plus ? G_PLUS : 0) | (money ? G_MONEY : 0), gapChars, unknown, turnIdx, speaker,
                            textIdx);
                    dOff[tok] = off;
                    dLen[tok] = dn - off;
                    if (dn - off == 2 && ibanEnd < 0) {
                        ibanEnd = ibanEnd(text, st, to, false);
                    } else if (dn - off > 2 && ibanEnd < 0) {
                        // "DE25559273677632808667": an IBAN typed without spaces, only at its country's exact length
                        ibanEnd = ibanEnd(text, st, to, true);
                    }
                    iban[tok] = st < ibanEnd;
                    gapFlags = 0;
                    gapChars = 0;
                    unknown = 0;
                    plus = false;
                    money = false;
                } else if (letter(c)) {
                    int st = i;
                    int h = 0;
                    int len = 0;
                    int hBeforeApostrophe = 0;
                    int lenBeforeApostrophe = -1;
                    while (i < to) {
                        c = b[i - base];
                        if (letter(c)) {
                            char l = lower(c);
                            h = Vocabulary.hashStep(h, l);
                            if (len < wbuf.length) {
                                wbuf[len] = l;
                            }
                            len++;
                        } else if ((c == '\'' || c == '\u2019') && i + 1 < to && letter(b[i + 1 - base])) {
                            hBeforeApostrophe = h;
                            lenBeforeApostrophe = len;
                            h = Vocabulary.hashStep(h, '\'');
                            if (len < wbuf.length) {
                                wbuf[len] = '\'';
                            }
                            len++;
                        } else if (!invisible(c)) {
                            break;
                        }
                        i++;
                    }
                    int wordCode = len <= wbuf.length ? Vocabulary.lookup(wbuf, len, h) : Vocabulary.NONE;
                    if (wordCode == Vocabulary.NONE && lenBeforeApostrophe > 0) {
                        wordCode = Vocabulary.lookup(wbuf, lenBeforeApostrophe, hBeforeApostrophe); // "card's"
                    }
                    if (wordCode == Vocabulary.NONE) {
                        unknown += i <= labelEnd ? 0 : 1;
                        words++;
                        plus = false;
                        money = false;
                        if (n > firstTok) {
                            skipAfter[n - 1] = unknown;
                        }
                        continue;
                    }
                    int tok = add(WORD, wordCode, st, i, gapFlags, gapChars, unknown, turnIdx, speaker, textIdx);
                    int cat = wordCode & Vocabulary.CATEGORY;
                    if (cat == Vocabulary.CARD || cat == Vocabulary.CVV || cat == Vocabulary.EXPIRY) {
                        if (cardCount == cardWords.length) {
                            cardWords = Arrays.copyOf(cardWords, cardCount * 2);
                        }
                        cardWords[cardCount++] = widx[tok];
                    }
                    if (cat == Vocabulary.CVV || cat == Vocabulary.EXPIRY || endDate(tok) || theBack(tok)
                            || codeLength(tok)) {
                        if (codeTurnCount == codeTurns.length) {
                            codeTurns = Arrays.copyOf(codeTurns, codeTurnCount * 2);
                            codeSpeakers = Arrays.copyOf(codeSpeakers, codeTurnCount * 2);
                        }
                        codeTurns[codeTurnCount] = turnIdx;
                        codeSpeakers[codeTurnCount++] = speaker;
                    }
                    gapFlags = 0;
                    gapChars = 0;
                    unknown = 0;
                    plus = false;
                    money = false;
                } else {
                    if (!invisible(c)) {
                        gapChars++;
                        if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                            gapFlags |= G_NEWLINE;
                        } else if (c == ';' || c == '?' || c == '!' || (c == '.' && i + 1 < to
                                && Character.isWhitespace(b[i + 1 - base]) && (i == from || b[i - 1 - base] != '.'))) {
                            gapFlags |= G_STOP;
                        } else if (c == ',' && gapChars == 1 && i + 4 <= to && i > from && isDigit(b[i - 1 - base])
                                && isDigit(b[i + 1 - base]) && isDigit(b[i + 3 - base])
                                && (i + 4 == to || !isDigit(b[i + 4 - base]))
                                && n > 0 && kind[n - 1] == NUM && dLen[n - 1] <= 3) {
                            gapFlags |= G_THOUSANDS;
                        } else if (c == ':' && gapChars == 1 && i > from && i + 2 < to && isDigit(b[i - 1 - base])
                                && b[i + 1 - base] >= '0' && b[i + 1 - base] <= '5' && isDigit(b[i + 2 - base])
                                && (i + 3 == to || (!isDigit(b[i + 3 - base]) && !(b[i + 3 - base] == ':'
                                && i + 4 < to && isDigit(b[i + 4 - base]))))
                                && n > 0 && kind[n - 1] == NUM && dLen[n - 1] <= 2
                                && (dLen[n - 1] == 1 || dig[dOff[n - 1]] <= '2')) {
                            gapFlags |= G_TIME; // hour (0-29, one or two digits), ':', two-digit minutes, no more
                        }
                        plus = c == '+' || (plus && (c == ' ' || c == '('));
                        money = c == '$' || c == '\u20ac' || c == '\u00a3' || c == '\u00a5'
                                || (money && c == ' ');
                    }
                    i++;
                }
            }
        }

        private int add(int k, int c, int s, int e, int g, int gl, int unknown, int turnIdx, int speaker, int textIdx) {
            if (n == kind.length) {
                int cap = n * 2;
                kind = Arrays.copyOf(kind, cap);
                code = Arrays.copyOf(code, cap);
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
                gap = Arrays.copyOf(gap, cap);
                gapLen = Arrays.copyOf(gapLen, cap);
                skipBefore = Arrays.copyOf(skipBefore, cap);
                skipAfter = Arrays.copyOf(skipAfter, cap);
                widx = Arrays.copyOf(widx, cap);
                turn = Arrays.copyOf(turn, cap);
                spk = Arrays.copyOf(spk, cap);
                txt = Arrays.copyOf(txt, cap);
                dOff = Arrays.copyOf(dOff, cap);
                dLen = Arrays.copyOf(dLen, cap);
                used = new boolean[cap];
                iban = Arrays.copyOf(iban, cap);
                order = new int[cap];
                pos = new int[cap];
            }
            kind[n] = k;
            code[n] = c;
            start[n] = s;
            end[n] = e;
            gap[n] = g;
            gapLen[n] = gl;
            skipBefore[n] = unknown;
            skipAfter[n] = 0;
            widx[n] = words++;
            turn[n] = turnIdx;
            spk[n] = speaker;
            txt[n] = textIdx;
            used[n] = false;
            iban[n] = false;
            return n++;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private void putDigit(char d) {
            if (dn == dig.length) {
                dig = Arrays.copyOf(dig, dn * 2);
            }
            dig[dn++] = d;
        }

        /**
         * The digit at b[k] that {@link #digitOf} cannot see from one char: a decimal digit outside the BMP (a surrogate
         * pair: mathematical bold, monospace... digits, which NFKC folds to ASCII), or a letter O typed for a zero
         * glued to digits ("26OO-8O55", "Oo56"): a run of o/O with a digit right before or after it and no other
         * letter touching it. Else -1.
         */
        static int digitAt(char[] b, int k, int len) {
            char c = b[k];
            if (Character.isHighSurrogate(c)) {
                if (k + 1 < len && Character.isLowSurrogate(b[k + 1])) {
                    int cp = Character.toCodePoint(c, b[k + 1]);
                    return Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
                }
                return -1;
            }
            return zeroRunEnd(b, k, len) >= 0 ? 0 : -1;
        }

        /**
         * For b[k] a letter o/O: the end (exclusive) of its run of o/O when the run is typed for zeros — a digit right
         * before or after it and no other letter touching it ("26OO-8O55", "Oo56"), or between the groups of a number
         * typed with separators — else -1. One call reads the run once.
         */
        static int zeroRunEnd(char[] b, int k, int len) {
            int l = k;
            while (l > 0 && (b[l - 1] == 'o' || b[l - 1] == 'O')) {
                l--;
            }
            int r = k;
            while (r + 1 < len && (b[r + 1] == 'o' || b[r + 1] == 'O')) {
                r++;
            }
            char before = l > 0 ? b[l - 1] : ' ';
            char after = r + 1 < len ? b[r + 1] : ' ';
            if (letter(before) || letter(after) || after == '\'' || after == '\u2019') {
                return -1; // part of a word, or "o'clock"
            }
            if (digitOf(before) >= 0 || digitOf(after) >= 0) {
                return r + 1;
            }
            // "5.ooo.45479", "4 - OOO - 0566": between groups of a number typed with separators. A lone "o"
            // or "oo" between spaces stays a word (the vocabulary reads it), "ooo" and longer do not
            boolean spaces = r - l >= 2;
            return digitAcross(b, l - 1, -1, len, spaces) || digitAcross(b, r + 1, 1, len, spaces) ? r + 1 : -1;
        }

        /**
         * Whether, from b[k] on in direction dir, at most 3 separator characters (any but letters and digits) lead
         * to a digit; with {@code spaces} false they must include one that is not white space.
         */
        private static boolean digitAcross(char[] b, int k, int dir, int len, boolean spaces) {
            boolean mark = spaces;
            for (int j = k, seen = 0; j >= 0 && j < len && seen < 3; j += dir, seen++) {
                char c = b[j];
                if (digitOf(c) >= 0 || Character.isSurrogate(c)) {
                    return mark && seen > 0; // a surrogate pair may be a digit outside the BMP: fail closed
                }
                if (letter(c)) {
                    return false;
                }
                mark |= !Character.isWhitespace(c);
            }
            return false;
        }

        /** 0–9 for any decimal digit (ASCII, full-width, other scripts, superscripts), else -1. */
        static int digitOf(char c) {
            if (c < 128) {
                return c >= '0' && c <= '9' ? c - '0' : -1;
            }
            if (Character.isDigit(c)) {
                return Character.digit(c, 10);
            }
            if (Character.getType(c) == Character.OTHER_NUMBER) {
                int v = Character.getNumericValue(c);
                return v >= 0 && v <= 9 ? v : -1; // "²", "①": NFKC reads them as digits
            }
            return -1;
        }

        static boolean letter(char c) {
            if (c < 128) {
                int l = c | 0x20;
                return l >= 'a' && l <= 'z';
            }
            return Character.isLetter(c);
        }

        static char lower(char c) {
            if (c < 128) {
                return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            if (c >= '\uFF21' && c <= '\uFF3A') {
                return (char) (c - 0xFF21 + 'a'); // full-width Latin
            }
            if (c >= '\uFF41' && c <= '\uFF5A') {
                return (char) (c - 0xFF41 + 'a');
            }
            return Character.toLowerCase(c);
        }

        /** Characters that render as nothing: they never separate or join anything. */
        static boolean invisible(char c) {
            if (c < 128) {
                return false;
            }
            int type = Character.getType(c);
            return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0';
        }

        /**
         * If the two digits at {@code st} are an IBAN's check digits (two capital letters right before, then groups
         * of capitals and digits) and the whole IBAN passes its mod-97 check, where it ends; else -1.
         */
        static int ibanEnd(String text, int st, int to, boolean countryLength) {
            if (st < 2 || !capital(text.charAt(st - 1)) || !capital(text.charAt(st - 2))
                    || (st >= 3 && Character.isLetterOrDigit(text.charAt(st - 3)))) {
                return -1;
            }
            int need = countryLength ? ibanLength(text.charAt(st - 2), text.charAt(st - 1)) : 0;
            if (countryLength && need == 0) {
                return -1;
            }
            StringBuilder iban = new StringBuilder(34).append(text, st + 2, st + 2); // BBAN, then country + check
            int i = st + 2;
            while (i <= to && iban.length() <= 30) {
                char c = i < to ? text.charAt(i) : ' ';
                if (capital(c) || (c >= '0' && c <= '9')) {
                    iban.append(c);
                } else {
                    // an IBAN may end at any group boundary: try the check there
                    if (iban.length() >= 11 && (need == 0 || iban.length() + 4 == need) && mod97(iban, text, st) == 1) {
                        return i;
                    }
                    if (c != ' ') {
                        return -1;
                    }
                }
                i++;
            }
            return -1;
        }

        private static int mod97(CharSequence bban, String text, int st) {
            int mod = 0;
            for (int k = 0; k < bban.length() + 4; k++) {
                char c = k < bban.length() ? bban.charAt(k) : text.charAt(st - 2 + k - bban.length());
                int v = c <= '9' ? c - '0' : c - 'A' + 10;
                mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
            }
            return mod;
        }

        /** IBAN lengths by country (SWIFT IBAN registry), for IBANs typed without spaces; 0 if not listed. */
        private static final String IBAN_LENGTHS = "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BR29BY28CH21CR22CY28CZ24DE22"
                + "DK18DO28EE20EG29ES24FI18FO18FR27GB22GE22GI23GL18GR27GT28HR21HU28IE22IL23IQ23IS26IT27JO30KW30KZ20"
                + "LB28LC32LI21LT20LU20LV21MC27MD24ME22MK19MR27MT31MU30NL18NO15PK24PL28PS29PT25QA29RO24RS22SA24SC31"
                + "SE24SI19SK24SM27ST25SV28TL23TN24TR26UA29VA22VG24XK20";

        static int ibanLength(char a, char b) {
            for (int i = 0; i + 4 <= IBAN_LENGTHS.length(); i += 4) {
                if (IBAN_LENGTHS.charAt(i) == a && IBAN_LENGTHS.charAt(i + 1) == b) {
                    return (IBAN_LENGTHS.charAt(i + 2) - '0') * 10 + (IBAN_LENGTHS.charAt(i + 3) - '0');
                }
            }
            return 0;
        }

        private static boolean capital(char c) {
            return c >= 'A' && c <= 'Z';
        }

        /** Sorts tokens into one contiguous group per speaker (stable), so a speaker's turns read as one stream. */
        void groupBySpeaker() {
            int speakers = 0;
            for (int t = 0; t < n; t++) {
                speakers = Math.max(speakers, spk[t] + 1);
            }
            if (groupEnd.length < speakers + 1) {
                groupEnd = new int[speakers + 1];
            }
            int[] counts = new int[speakers + 1];
            for (int t = 0; t < n; t++) {
                counts[spk[t] + 1]++;
            }
            for (int k = 1; k <= speakers; k++) {
                counts[k] += counts[k - 1];
            }
            for (int k = 0; k < speakers; k++) {
                groupEnd[k] = counts[k + 1];
            }
            for (int t = 0; t < n; t++) {
                int p = counts[spk[t]]++;
                order[p] = t;
                pos[t] = p;
            }
        }

        // ------------------------------------------------------------------ runs

        /** Whether {@code next} can follow {@code prev} (both of one speaker) inside one number. */
        boolean link(int prev, int next, boolean strict) {
            if ((gap[next] & G_MONEY) != 0) {
                return false;
            }
            if (skipAfter[prev] != 0 || skipBefore[next] != 0) {
                return false; // an unknown word in between
            }
            if ((gap[next] & G_TURN) != 0) {
                return !strict && turn[next] - turn[prev] <= TURN_SPREAD && !codeAskedBetween(prev, next);
            }
            if (strict) {
                return (gap[next] & G_NEWLINE) == 0 && gapLen[next] <= STRICT_GAP;
            }
            return gapLen[next] <= LOOSE_GAP; // newlines, tabs, long space runs, any separator: still one number
        }

        /**
         * Whether the other party asked for (or named) the expiry or security code between the turns of prev and
         * next: the card number was finished, and what follows is the code ("...116" / "expiration date?" / "6/31").
         */
        private boolean codeAskedBetween(int prev, int next) {
            for (int i = 0; i < codeTurnCount; i++) {
                if (codeTurns[i] > turn[prev] && codeTurns[i] < turn[next] && codeSpeakers[i] != spk[next]) {
                    return true;
                }
            }
            return false;
        }

        /**
         * People reading a number out interject short phrases ("where was I", "just a sec", "the next ones are") and
         * continue in their next turn: a loose run bridges a few unknown words, within a turn or at a turn change,
         * but only between short chunks (at most 6 digits each), never from or to a long number.
         */
        /**
         * Whether a clock time ("7:37", "15:36") starts at next or has just ended at prev: a time of day said
         * among words is a number of its own, never bridged to the numbers around it ("august 27, 2025 at 7:37 pm,
         * ticket 0333..."). Only across words: separators alone still join it ("3861_8:11 8962" is a card typed
         * with odd separators, fail closed).
         */
        private boolean clockEdge(int prev, int next) {
            if ((gap[prev] & G_TIME) != 0 && (gap[next] & G_TIME) == 0) {
                return true;
            }
            int after = next + 1;
            return (gap[next] & G_TIME) == 0 && after < n && (gap[after] & G_TIME) != 0 && turn[after] == turn[next];
        }

        private boolean bridge(int prev, int next) {
            if (clockEdge(prev, next)) {
                return false;
            }
            if (plusNumber(next) || plusChunk()) {
                return false; // a '+' country code starts a phone number, which ends where its digits end
            }
            if ((gap[next] & G_TURN) != 0) {
                if (turn[next] - turn[prev] > TURN_SPREAD || codeAskedBetween(prev, next)
                        || skipAfter[prev] > BRIDGE_AT_TURN
                        || skipBefore[next] > BRIDGE_AT_TURN) {
                    return false;
                }
            } else if (skipBefore[next] > BRIDGE_IN_TURN || gapLen[next] > LOOSE_GAP) {
                return false;
            }
            boolean turnChange = (gap[next] & G_TURN) != 0;
            // one bridge between two units; except that a new turn may open with a few words of its own before the
            // digits ("the next ones are 9 960"), as long as all words skipped stay within BRIDGE_AT_TURN
            boolean again = bridgedSinceUnit && !(turnBridgeSinceUnit && !turnChange
                    && skippedSinceUnit + skipBefore[next] <= BRIDGE_AT_TURN);
            // the opening words of the new turn are part of the turn change
            boolean turnLike = turnChange || (bridgedSinceUnit && turnBridgeSinceUnit)
                    || turn[next] != turn[order[uPosLast[units - 1]]];
            if (uLen[units - 1] > (turnLike ? TURN_CHUNK : CHUNK) || (turnChange && chunkDigits < 2
                    && !endsTurn(prev)) || again
                    || (gap[next] & (G_STOP | G_MONEY | G_THOUSANDS)) != 0) {
                return false; // a finished sentence, an amount, a lone "one": something else is being said now
            }
            int q = pos[next] + 1;
            if (kind[next] == NUM && q < n && (gap[order[q]] & G_THOUSANDS) != 0 && turn[order[q]] == turn[next]) {
                return false; // "72,494,061"
            }
            // inside a turn any digit may follow an interjection; a new turn must start a real chunk ("one more
            // question" is not one)
            return (turnLike ? chunkStart(pos[next]) : mayStartUnit(next)) || filler(next, false);
        }

        /**
         * A digit group of 2–6 digits, a digit followed by another, or a lone digit that is all its turn says after
         * a few words ("then 9"): how a dictated chunk starts.
         */
        private boolean chunkStart(int p) {
            int t = order[p];
            if (kind[t] == NUM && dLen[t] >= 2) {
                return dLen[t] <= TURN_CHUNK; // only asked at a turn change
            }
            if (!mayStartUnit(t)) {
                return false;
            }
            if (endsTurn(t) && (kind[t] == NUM || cat(t) == Vocabulary.DIGIT)) {
                return true;
            }
            int c = cat(t);
            if (c == Vocabulary.TWO || c == Vocabulary.TENS || c == Vocabulary.MULT) {
                return true;
            }
            int q = p + 1;
            return q < order.length && q < n && spk[order[q]] == spk[t] && link(t, order[q], false)
                    && mayStartUnit(order[q]);
        }

        /** Whether t is a typed number right after a '+' (a phone number's country code). */
        private boolean plusNumber(int t) {
            return kind[t] == NUM && (gap[t] & G_PLUS) != 0;
        }

        /** Whether the current chunk of the run being built opened with a '+' country code. */
        private boolean plusChunk() {
            int u = units - 1;
            while (u > 0 && !uChunk[u]) {
                u--;
            }
            return u >= 0 && plusNumber(order[uPosFirst[u]]);
        }

        /**
         * Whether the unit at view position p, the first after a turn change, goes on as a dictated number: it starts
         * a chunk, or more digits (or the end of the turn) follow it through fillers and hesitations only ("okay
         * nine... ah... three"), not words ("I've got one more question").
         */
        private boolean continuesAfterTurn(int p, int limit) {
            if (chunkStart(p) || opensTurn(order[p])) {
                return true; // "7 hello": a digit the turn opens with (fillers aside) goes on with the dictation
            }
            int prev = order[p];
            int skipped = 0;
            for (int q = p + 1, hops = 0; q < limit && hops <= LOOSE_FILLERS; q++, hops++) {
                int t = order[q];
                if (turn[t] != turn[prev]) {
                    return endsTurn(prev); // "right, for": a lone digit that ends the turn, dictation goes on
                }
                if ((gap[t] & (G_STOP | G_MONEY)) != 0) {
                    return false;
                }
                if (!link(prev, t, false)) {
                    // "o, where was I, nine", "two, just a sec, four": a short interjection, then more digits
                    skipped += skipBefore[t];
                    if (skipped > BRIDGE_IN_TURN) {
                        return false;
                    }
                }
                if (mayStartUnit(t) || cat(t) == Vocabulary.HUNDRED || cat(t) == Vocabulary.THOUSAND) {
                    return true; // "five hundred ..." reads as one unit
                }
                if (!filler(t, false)) {
                    return false;
                }
                prev = t;
            }
            return endsTurn(prev);
        }

        /** Whether only fillers and hesitations come before t in its turn (no unknown word). */
        private boolean opensTurn(int t) {
            for (int k = t; k >= 0 && turn[k] == turn[t]; k--) {
                if (skipBefore[k] != 0 || (k != t && !filler(k, false))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether t is the last token of its turn, with no unknown word after it: the turn ends on it. */
        private boolean endsTurn(int t) {
            return skipAfter[t] == 0 && (t + 1 >= n || turn[t + 1] != turn[t]);
        }

        boolean mayStartUnit(int t) {
            if (kind[t] == NUM) {
                return true;
            }
            int cat = code[t] & Vocabulary.CATEGORY;
            return cat == Vocabulary.DIGIT || cat == Vocabulary.TWO || cat == Vocabulary.TENS
                    || cat == Vocabulary.MULT || cat == Vocabulary.SOUNDALIKE;
        }

        int cat(int t) {
            return kind[t] == WORD ? code[t] & Vocabulary.CATEGORY : 0;
        }

        /** "three digits", "4-digit": words that describe a card security code. */
        boolean codeLength(int t) {
            if (cat(t) != Vocabulary.QUANTITY || t == 0 || turn[t - 1] != turn[t] || skipAfter[t - 1] != 0) {
                return false;
            }
            int prev = t - 1;
            if (kind[prev] == NUM) {
                return dLen[prev] == 1 && (dig[dOff[prev]] == '3' || dig[dOff[prev]] == '4');
            }
            int v = code[prev] & Vocabulary.VALUE;
            return cat(prev) == Vocabulary.DIGIT && (v == 3 || v == 4);
        }

        /** "end date" (of the card). */
        boolean endDate(int t) {
            return cat(t) == Vocabulary.DATE && t > 0 && turn[t - 1] == turn[t] && skipAfter[t - 1] == 0
                    && cat(t - 1) == Vocabulary.END;
        }

        /** "the back" (of the card), not "call me back". */
        boolean theBack(int t) {
            return cat(t) == Vocabulary.BACK && t > 0 && turn[t - 1] == turn[t] && skipAfter[t - 1] == 0
                    && kind[t - 1] == WORD && (code[t - 1] & Vocabulary.VALUE) == Vocabulary.THE;
        }

        boolean isSeparator(int t) {
            int c = cat(t);
            return c == Vocabulary.SEPARATOR || c == Vocabulary.HESITATION;
        }

        private boolean filler(int t, boolean strict) {
            int c = cat(t);
            if (c == Vocabulary.HESITATION || c == Vocabulary.SEPARATOR) {
                return true;
            }
            return !strict && (c == Vocabulary.FILLER || c == Vocabulary.CORRECTION || c == Vocabulary.AND
                    || c == Vocabulary.QUANTITY);
        }

        /** "three digits", "4-digit": a number that describes a code's length, not the code. */
        boolean describesLength(int p, int limit) {
            return p + 1 < limit && cat(order[p + 1]) == Vocabulary.QUANTITY && link(order[p], order[p + 1], true);
        }

        /**
         * Collects the run of digit units starting at view position {@code p0} (before {@code limit}); returns the
         * view position after its last unit. Fillers between units are skipped, never counted.
         */
        int buildRun(int p0, int limit, boolean strict, boolean splitTens) {
            return buildRun(p0, limit, strict, splitTens ? -1 : 0);
        }

        /** As above, splitting only the "forty one" pairs whose bit (in order of the run) is set in splitMask. */
        int buildRun(int p0, int limit, boolean strict, int splitMask) {
            units = 0;
            tensPairs = 0;
            runDigits = 0;
            runCorrected = false;
            runHasTensUnit = false;
            runBridged = false;
            bridgedSinceUnit = false;
            chunkDigits = 0;
            this.splitMask = splitMask;
            boolean corrected = false;
            int fillers = 0;
            int p = p0;
            int prev = -1;
            int after = p0;
            while (p < limit) {
                int t = order[p];
                if (used[t]) {
                    break;
                }
                if (prev >= 0 && !link(prev, t, strict)) {
                    if (strict || units == 0 || !bridge(prev, t)) {
                        break;
                    }
                    runBridged = true;
                    if (!bridgedSinceUnit) {
                        turnBridgeSinceUnit = (gap[t] & G_TURN) != 0;
                        skippedSinceUnit = turnBridgeSinceUnit ? skipAfter[prev] + skipBefore[t] : skipBefore[t];
                    } else {
                        skippedSinceUnit += skipBefore[t];
                    }
                    bridgedSinceUnit = true;
                    chunkDigits = 0;
                }
                if (units > 0 && !strict && mayStartUnit(t) && turn[t] != turn[order[uPosLast[units - 1]]]
                        && (!continuesAfterTurn(p, limit) || plusNumber(t))) {
                    break; // "I've got one more question" in a later turn is not the rest of a number
                }
                int digitsBefore = runDigits;
                int consumed = unitAt(p, limit, strict, fillers == 0 && units > 0);
                if (consumed > 0) {
                    chunkDigits += runDigits - digitsBefore;
                    bridgedSinceUnit = false;
                    runCorrected |= corrected;
                    corrected = false;
                    fillers = 0;
                    p += consumed;
                    prev = order[p - 1];
                    after = p;
                    if (units >= 48) {
                        break; // far longer than any card; keeps the scratch bounded
                    }
                    continue;
                }
                if (units > 0 && filler(t, strict) && fillers < (strict ? STRICT_FILLERS : LOOSE_FILLERS)) {
                    corrected |= cat(t) == Vocabulary.CORRECTION;
                    fillers++;
                    prev = t;
                    p++;
                    continue;
                }
                break;
            }
            return after;
        }

        /** Reads one digit unit at view position p; returns how many positions it took (0: not a unit). */
        private int unitAt(int p, int limit, boolean strict, boolean afterUnit) {
            int t = order[p];
            if (kind[t] == NUM) {
                beginUnit(p, false);
                for (int i = 0; i < dLen[t]; i++) {
                    digit(dig[dOff[t] + i]);
                }
                return 1;
            }
            int cat = code[t] & Vocabulary.CATEGORY;
            int v = code[t] & Vocabulary.VALUE;
            int nextT = p + 1 < limit && link(t, order[p + 1], strict) ? order[p + 1] : -1;
            int nextCat = nextT >= 0 ? cat(nextT) : -1;
            if (cat == Vocabulary.DIGIT) {
                if (nextCat == Vocabulary.HUNDRED || nextCat == Vocabulary.THOUSAND) {
                    return magnitude(p, limit, strict);
                }
                beginUnit(p, true);
                digit((char) ('0' + v));
                return 1;
            }
            if (cat == Vocabulary.TWO) {
                if (nextCat == Vocabulary.HUNDRED) {
                    return hundreds(p, 1, v, limit, strict); // "eleven hundred", "thirty-seven hundred"
                }
                beginUnit(p, true);
                twoDigits(v);
                return 1;
            }
            if (cat == Vocabulary.TENS) {
                if (nextCat == Vocabulary.HUNDRED) {
                    return hundreds(p, 1, v, limit, strict); // "twenty hundred"
                }
                // "forty one" and "forty-one" are 41; "forty" alone, before "oh", or before a pause ("forty, six",
                // "seventy... six": the next group starts) is 40
                boolean pair = nextCat == Vocabulary.DIGIT && (code[nextT] & Vocabulary.VALUE) != 0
                        && gapLen[nextT] <= 1;
                boolean split = pair && tensPairs < 31 && (splitMask & (1 << tensPairs)) != 0;
                if (pair) {
                    tensPairs++;
                }
                if (pair && !split) {
                    int afterT = p + 2 < limit && link(nextT, order[p + 2], strict) ? order[p + 2] : -1;
                    if (afterT >= 0 && cat(afterT) == Vocabulary.HUNDRED) {
                        // "twenty two hundred" = 2200 (the split reading, 20 200, is tried too)
                        runHasTensUnit = true;
                        return hundreds(p, 2, v + (code[nextT] & Vocabulary.VALUE), limit, strict);
                    }
                    runHasTensUnit = true;
                    beginUnit(p, true);
                    twoDigits(v + (code[nextT] & Vocabulary.VALUE));
                    uPosLast[units - 1] = p + 1;
                    return 2;
                }
                beginUnit(p, true);
                twoDigits(v);
                return 1;
            }
            if (cat == Vocabulary.MULT && nextT >= 0) {
                int d = singleDigit(nextT);
                if (d >= 0) {
                    beginUnit(p, true);
                    for (int i = 0; i < v; i++) {
                        digit((char) ('0' + d));
                    }
                    uPosLast[units - 1] = p + 1;
                    return 2;
                }
                return 0;
            }
            if (cat == Vocabulary.SOUNDALIKE && !strict) {
                // "for", "to", "won" are digits only between digits: right after one, or right before one
                boolean beforeDigit = nextT >= 0 && (kind[nextT] == NUM || nextCat == Vocabulary.DIGIT
                        || nextCat == Vocabulary.TWO || nextCat == Vocabulary.TENS || nextCat == Vocabulary.MULT
                        || (nextCat == Vocabulary.SOUNDALIKE && soundAlikeBeforeDigit(p + 1, limit)));
                // inside a run (also after fillers: "yeah ate, won", "so to... won"); or a lone one ending a turn
                // when the speaker's next turn goes on ("the long number is too" / "five two eight ...")
                if (afterUnit || beforeDigit || (units > 0 && (endsTurn(t) || nextCat == Vocabulary.SOUNDALIKE))
                        || (endsTurn(t) && p + 1 < limit
                        && turn[order[p + 1]] != turn[t] && turn[order[p + 1]] - turn[t] <= TURN_SPREAD)) {
                    beginUnit(p, true);
                    digit((char) ('0' + v));
                    return 1;
                }
            }
            return 0;
        }

        /**
         * Whether the sound-alike at view position q is followed, through at most five more sound-alikes, by a real
         * digit or by the end of its turn (when the speaker speaks again soon): "to, to zero one" starts a number with
         * both "to"s, "going to too" does not.
         */
        private boolean soundAlikeBeforeDigit(int q, int limit) {
            for (int hops = 0; hops < 6 && q + 1 < limit; hops++, q++) {
                int t = order[q];
                int u = order[q + 1];
                if (endsTurn(t) && turn[u] != turn[t] && turn[u] - turn[t] <= TURN_SPREAD) {
                    return true; // "too to" is all the turn says; the speaker's next turn goes on
                }
                if (!link(t, u, false)) {
                    return false;
                }
                int c = cat(u);
                if (kind[u] == NUM || c == Vocabulary.DIGIT || c == Vocabulary.TWO || c == Vocabulary.TENS
                        || c == Vocabulary.MULT) {
                    return true;
                }
                if (c != Vocabulary.SOUNDALIKE) {
                    return false;
                }
            }
            return false;
        }

        private int singleDigit(int t) {
            if (kind[t] == NUM) {
                return dLen[t] == 1 ? dig[dOff[t]] - '0' : -1;
            }
            int c = cat(t);
            return c == Vocabulary.DIGIT || c == Vocabulary.SOUNDALIKE ? code[t] & Vocabulary.VALUE : -1;
        }

        /**
         * "ninety seven hundred" = 9700, "nineteen hundred and five" = 1905: a 10..99 value said in {@code words}
         * words at p, then "hundred" and an optional 0..99; one four-digit unit.
         */
        private int hundreds(int p, int words, int value, int limit, boolean strict) {
            int q = p + words + 1;
            // "ninety seven hundred, fifty two": after a pause the next group starts; only "hundred (and) 12" adds
            int[] sub = q < limit && gapLen[order[q]] > 1 ? new int[] {0, q} : small(q, limit, strict, false);
            int v = value * 100 + sub[0];
            beginUnit(p, true);
            for (int div = 1000; div >= 1; div /= 10) {
                digit((char) ('0' + (v / div) % 10));
            }
            uPosLast[units - 1] = sub[1] - 1;
            return sub[1] - p;
        }

        /** "four hundred and twelve" = 412, "two thousand twenty eight" = 2028 (digit word + hundred/thousand). */
        private int magnitude(int p, int limit, boolean strict) {
            int q = p + 1;
            boolean thousand = cat(order[q]) == Vocabulary.THOUSAND;
            int value = (code[order[p]] & Vocabulary.VALUE) * (thousand ? 1000 : 100);
            q++;
            if (q < limit && gapLen[order[q]] > 1) {
                // "five hundred... six": after a pause the next group starts; only "hundred (and) 12" adds
                beginUnit(p, true);
                int v = value;
                for (int div = thousand ? 1000 : 100; div >= 1; div /= 10) {
                    digit((char) ('0' + (v / div) % 10));
                }
                uPosLast[units - 1] = q - 1;
                return q - p;
            }
            if (thousand) {
                int[] sub = small(q, limit, strict, true);
                value += sub[0];
                q = sub[1];
            } else {
                int[] sub = small(q, limit, strict, false);
                value += sub[0];
                q = sub[1];
            }
            beginUnit(p, true);
            int width = thousand ? 4 : 3;
            char[] out = new char[width];
            for (int i = width - 1; i >= 0; i--) {
                out[i] = (char) ('0' + value % 10);
                value /= 10;
            }
            for (char c : out) {
                digit(c);
            }
            uPosLast[units - 1] = q - 1;
            return q - p;
        }

        /** The part after "hundred"/"thousand": [and] (teen | tens [digit] | digit | digit hundred ...). */
        private int[] small(int q, int limit, boolean strict, boolean allowHundreds) {
            int prev = order[q - 1];
            int start = q;
            if (q < limit && link(prev, order[q], strict) && cat(order[q]) == Vocabulary.AND) {
                prev = order[q];
                q++;
            }
            int value = 0;
            if (q < limit && link(prev, order[q], strict)) {
                int t = order[q];
                int c = cat(t);
                int v = code[t] & Vocabulary.VALUE;
                int nextT = q + 1 < limit && link(t, order[q + 1], strict) ? order[q + 1] : -1;
                if (c == Vocabulary.DIGIT && allowHundreds && nextT >= 0 && cat(nextT) == Vocabulary.HUNDRED) {
                    int[] rest = small(q + 2, limit, strict, false);
                    return new int[] {v * 100 + rest[0], rest[1]};
                }
                if (c == Vocabulary.TWO) {
                    return new int[] {v, q + 1};
                }
                if (c == Vocabulary.TENS) {
                    if (nextT >= 0 && cat(nextT) == Vocabulary.DIGIT && (code[nextT] & Vocabulary.VALUE) != 0
                            && gapLen[nextT] <= 1) { // "four hundred and fifty - eight" is 450 8
                        return new int[] {v + (code[nextT] & Vocabulary.VALUE), q + 2};
                    }
                    return new int[] {v, q + 1};
                }
                if (c == Vocabulary.DIGIT && v != 0) {
                    return new int[] {v, q + 1};
                }
            }
            return new int[] {value, start}; // nothing follows: "four hundred" (a dangling "and" is left alone)
        }

        private void twoDigits(int v) {
            digit((char) ('0' + v / 10));
            digit((char) ('0' + v % 10));
        }

        private void beginUnit(int p, boolean spoken) {
            if (units == uOff.length) {
                int cap = units * 2;
                uOff = Arrays.copyOf(uOff, cap);
                uLen = Arrays.copyOf(uLen, cap);
                uPosFirst = Arrays.copyOf(uPosFirst, cap);
                uPosLast = Arrays.copyOf(uPosLast, cap);
                uSpoken = Arrays.copyOf(uSpoken, cap);
                uChunk = Arrays.copyOf(uChunk, cap);
            }
            uOff[units] = runDigits;
            uLen[units] = 0;
            uPosFirst[units] = p;
            uPosLast[units] = p;
            uSpoken[units] = spoken;
            uChunk[units] = units == 0 || bridgedSinceUnit || turn[order[p]] != turn[order[uPosLast[units - 1]]];
            units++;
        }

        private void digit(char d) {
            if (runDigits == digits.length) {
                digits = Arrays.copyOf(digits, runDigits * 2);
            }
            digits[runDigits++] = d;
            uLen[units - 1]++;
        }

        /** Whether the token right after t, in its turn and with no other word between, names a currency. */
        boolean currencyAfter(int t) {
            int a = t + 1;
            return a < n && turn[a] == turn[t] && skipBefore[a] == 0 && kind[a] == WORD
                    && code[a] == (Vocabulary.OTHER_NUMBER | Vocabulary.CURRENCY);
        }

        /** Whether a card word ("card", a brand) is right before or after tokens first..last. */
        boolean cardWordNear(int first, int last) {
            for (int t = first - 1; t >= 0 && widx[first] - widx[t] <= SUSPECT_CONTEXT_BACK; t--) {
                if (cat(t) == Vocabulary.CARD) {
                    return true;
                }
                if (cat(t) == Vocabulary.OTHER_NUMBER || cat(t) == Vocabulary.PHONE) {
                    break; // "card details? / my order number is ...": another number is named after the card word
                }
            }
            // after the number only the speaker's own words count ("... is my card"), not the next turn's
            for (int t = last + 1; t < n && widx[t] - widx[last] <= SUSPECT_CONTEXT_FORWARD && turn[t] == turn[last];
                 t++) {
                if (cat(t) == Vocabulary.CARD) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether the run ending before view position {@code next} ends what its speaker says with digits (no later
         * token of theirs starts a number), and the conversation itself ends on it: its last turn ends with these
         * digits (where a batch or transcript cut a dictation short).
         */
        boolean endsConversation(int next, int limit) {
            for (int p = next; p < limit; p++) {
                if (mayStartUnit(order[p])) {
                    return false;
                }
            }
            int last = order[next - 1];
            return turn[last] == turns - 1 && endsTurn(last);
        }

        /**
         * Whether a card word (any speaker) comes within {@link #CARD_CONTEXT_BACK} words before token first, with no
         * security-code, expiry or phone word after it: the card number, not a code or a phone number, is being
         * read. (Only the suspected partial-PAN rule asks this; a Luhn-valid card is redacted whatever the words.)
         */
        /**
         * Whether the run at view position p opens a turn (after fillers and at most a few unknown words) of a speaker
         * whose previous turn, a few turns back at most, ended on a {@code [PAN]} placeholder: a card number cut by a
         * batch boundary whose first part was already redacted and stored.
         */
        boolean continuesRedactedPan(int p) {
            int t = order[p];
            int skipped = skipBefore[t];
            int q = p - 1;
            while (q >= 0 && spk[order[q]] == spk[t] && turn[order[q]] == turn[t]) {
                int k = order[q];
                if (!filler(k, false)) {
                    return false;
                }
                skipped += skipBefore[k];
                q--;
            }
            if (skipped > BRIDGE_AT_TURN || q < 0 || spk[order[q]] != spk[t]) {
                return false;
            }
            int prev = order[q];
            return turn[t] - turn[prev] <= TURN_SPREAD && endsTurn(prev) && placeholder(prev);
        }

        /** Whether token t is the word of a {@code [PAN]} or {@code [PAN ****1234]} placeholder. */
        private boolean placeholder(int t) {
            if (kind[t] != WORD || cat(t) != Vocabulary.CARD || texts == null || end[t] - start[t] != 3) {
                return false;
            }
            String text = texts[txt[t]];
            return start[t] > 0 && text.charAt(start[t] - 1) == '[' && text.startsWith("PAN", start[t])
                    && end[t] < text.length() && (text.charAt(end[t]) == ']' || text.charAt(end[t]) == ' ');
        }

        boolean cardNumberAsked(int first) {
            for (int t = first - 1; t >= 0 && widx[first] - widx[t] <= CARD_CONTEXT_BACK; t--) {
                int c = cat(t);
                if (c == Vocabulary.CVV || c == Vocabulary.EXPIRY || c == Vocabulary.PHONE
                        || c == Vocabulary.OTHER_NUMBER || endDate(t)
                        || codeLength(t) || theBack(t)) {
                    return false;
                }
                if (c == Vocabulary.CARD) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a card, CVV or expiry word is near tokens first..last (any speaker). */
        boolean cardContext(int first, int last) {
            int lo = widx[first] - CARD_CONTEXT_BACK;
            int hi = widx[last] + CARD_CONTEXT_FORWARD;
            int a = 0;
            int b = cardCount;
            while (a < b) {
                int m = (a + b) >>> 1;
                if (cardWords[m] < lo) {
                    a = m + 1;
                } else {
                    b = m;
                }
            }
            return a < cardCount && cardWords[a] <= hi;
        }
    }
}
