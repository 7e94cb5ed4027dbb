package io.wem.governance.redteam;

import io.wem.governance.redteam.RedTeamCase.Kind;
import io.wem.governance.redteam.RedTeamCase.Span;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the engine's answers on red-team cases, per category: PAN recall (every rendering of the PAN that shows 5+
 * digits overlapped by a PAN finding), PAN precision (PAN findings that overlap a real PAN rendering), leaks (a 5-digit window of a PAN
 * readable after redaction, in digits or words, more often than in the text without the PAN), and CVV / expiry
 * recall (the secret overlapped by any finding). Findings are given as generic (type, turn, start, end).
 */
public final class RedTeamScore {

    /** A finding, engine-agnostic. */
    public record Hit(String type, int turn, int start, int end) {
    }

    /** The engine's answer for one case: redacted text per turn and all findings. */
    public record Answer(List<String> redactedTurns, List<Hit> hits) {
    }

    static final class Tally {
        int pans;
        int pansFound;
        int pansLeaked;
        int panHits;
        int panHitsTrue;
        int cvv;
        int cvvFound;
        int expiry;
        int expiryFound;
        int negatives;
        int negativesFlagged;
        final List<String> examples = new ArrayList<>();
    }

    /** Failure examples kept per category for the report. */
    int maxExamples = 4;

    final Map<String, Tally> byCategory = new LinkedHashMap<>();
    final Map<String, Tally> byBrand = new LinkedHashMap<>();

    private static boolean overlaps(Hit h, Span s) {
        return h.turn() == s.turn() && h.start() < s.end() && s.start() < h.end();
    }

    public void add(RedTeamCase c, Answer a) {
        Tally t = byCategory.computeIfAbsent(c.category, k -> new Tally());
        List<String> baseTurns = new ArrayList<>();
        for (int ti = 0; ti < c.turns.size(); ti++) {
            baseTurns.add(blankPans(c, ti));
        }
        List<String> redactedStreams = streams(c, a.redactedTurns());
        List<String> baseStreams = streams(c, baseTurns);
        for (int si = 0; si < c.secrets.size(); si++) {
            RedTeamCase.Secret s = c.secrets.get(si);
            List<Span> spans = new ArrayList<>();
            for (Span sp : c.spans) {
                if (sp.secret() == si) {
                    spans.add(sp);
                }
            }
            switch (s.kind()) {
                case PAN -> {
                    Tally bt = byBrand.computeIfAbsent(s.brand() + "/" + s.digits().length(), k -> new Tally());
                    // every rendering that shows 5+ digits must be hit; shorter fragments (an agent's "six four,
                    // got it") are judged by the leak test alone
                    List<Span> judged = spans.stream().filter(sp -> RedTeamReader.digits(c.turns.get(sp.turn()).text()
                            .substring(sp.start(), sp.end())).length() >= 5).toList();
                    boolean found = (judged.isEmpty() ? spans : judged).stream().allMatch(sp -> a.hits().stream()
                            .anyMatch(h -> h.type().equals("PAN") && overlaps(h, sp)));
                    boolean leaked = leaked(s.digits(), baseStreams, redactedStreams);
                    for (Tally x : List.of(t, bt)) {
                        x.pans++;
                        x.pansFound += found ? 1 : 0;
                        x.pansLeaked += leaked ? 1 : 0;
                    }
                    if ((leaked || !found) && t.examples.size() < maxExamples) {
                        t.examples.add((leaked ? "LEAK " : "MISS ") + s.brand() + " " + show(c, a));
                    }
                }
                case CVV, EXPIRY -> {
                    boolean found = spans.stream().allMatch(sp -> a.hits().stream().anyMatch(h -> overlaps(h, sp)));
                    if (s.kind() == Kind.CVV) {
                        t.cvv++;
                        t.cvvFound += found ? 1 : 0;
                    } else {
                        t.expiry++;
                        t.expiryFound += found ? 1 : 0;
                    }
                    if (!found && t.examples.size() < maxExamples) {
                        t.examples.add("MISS " + s.kind() + " " + show(c, a));
                    }
                }
                default -> {
                }
            }
        }
        if (!c.hasPan()) {
            t.negatives++;
        }
        boolean flagged = false;
        StringBuilder falseText = new StringBuilder();
        for (Hit h : a.hits()) {
            if (!h.type().equals("PAN")) {
                continue;
            }
            t.panHits++;
            boolean real = c.spans.stream().anyMatch(sp -> c.secrets.get(sp.secret()).kind() == Kind.PAN
                    && overlaps(h, sp));
            t.panHitsTrue += real ? 1 : 0;
            if (!real) {
                flagged = true;
                String tt = c.turns.get(h.turn()).text();
                falseText.append(" {").append(tt, Math.max(0, h.start() - 30), h.start()).append("<<")
                        .append(tt, h.start(), h.end()).append(">>")
                        .append(tt, h.end(), Math.min(tt.length(), h.end() + 30)).append('}');
            }
        }
        if (flagged && !c.hasPan()) {
            t.negativesFlagged++;
        }
        if (flagged && t.examples.size() < maxExamples) {
            t.examples.add("FALSE-PAN" + falseText + " " + show(c, a));
        }
    }

    /** True when some window of the PAN is read more often after redaction than in the text without the PAN. */
    static boolean leaked(String pan, List<String> base, List<String> after) {
        for (int k = 0; k < base.size(); k++) {
            int[] b = RedTeamReader.windowCounts(pan, base.get(k));
            int[] x = RedTeamReader.windowCounts(pan, after.get(k));
            for (int w = 0; w < b.length; w++) {
                if (x[w] > b[w]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The digit streams a reader gets: the whole conversation, and each speaker's turns on their own. */
    static List<String> streams(RedTeamCase c, List<String> turns) {
        List<String> speakers = c.turns.stream().map(RedTeamCase.Turn::speaker).distinct().toList();
        List<String> out = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (String t : turns) {
            all.append(RedTeamReader.digits(t));
        }
        out.add(all.toString());
        for (String sp : speakers) {
            StringBuilder one = new StringBuilder();
            for (int i = 0; i < turns.size(); i++) {
                if (c.turns.get(i).speaker().equals(sp)) {
                    one.append(RedTeamReader.digits(turns.get(i)));
                }
            }
            out.add(one.toString());
        }
        return out;
    }

    /** For the generator's self-check: the blanked text, turn by turn. */
    static List<String> baseline(RedTeamCase c) {
        List<String> out = new ArrayList<>();
        for (int ti = 0; ti < c.turns.size(); ti++) {
            out.add(blankPans(c, ti));
        }
        return out;
    }

    private static String blankPans(RedTeamCase c, int turn) {
        StringBuilder sb = new StringBuilder(c.turns.get(turn).text());
        // from the right, so earlier offsets stay valid
        List<Span> spans = c.spans.stream().filter(s -> s.turn() == turn
                && c.secrets.get(s.secret()).kind() == Kind.PAN).sorted((x, y) -> y.start() - x.start()).toList();
        for (Span s : spans) {
            sb.replace(s.start(), s.end(), "\n");
        }
        return sb.toString();
    }

    private static String show(RedTeamCase c, Answer a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.turns.size() && sb.length() < 600; i++) {
            sb.append(" | ").append(c.turns.get(i).speaker()).append(": ")
                    .append(c.turns.get(i).text().replace("\n", "\\n")).append("  =>  ")
                    .append(a.redactedTurns().get(i).replace("\n", "\\n"));
        }
        return sb.toString();
    }

    /** Wilson score interval, 95 %. */
    static String ci(int k, int n) {
        if (n == 0) {
            return "   -   ";
        }
        double z = 1.96;
        double ph = (double) k / n;
        double den = 1 + z * z / n;
        double centre = (ph + z * z / (2 * n)) / den;
        double half = z * Math.sqrt(ph * (1 - ph) / n + z * z / (4.0 * n * n)) / den;
        return String.format(Locale.ROOT, "%.3f [%.3f-%.3f]", ph, Math.max(0, centre - half),
                Math.min(1, centre + half));
    }

    Tally total(Map<String, Tally> m) {
        Tally all = new Tally();
        for (Tally t : m.values()) {
            all.pans += t.pans;
            all.pansFound += t.pansFound;
            all.pansLeaked += t.pansLeaked;
            all.panHits += t.panHits;
            all.panHitsTrue += t.panHitsTrue;
            all.cvv += t.cvv;
            all.cvvFound += t.cvvFound;
            all.expiry += t.expiry;
            all.expiryFound += t.expiryFound;
            all.negatives += t.negatives;
            all.negativesFlagged += t.negativesFlagged;
        }
        return all;
    }

    public String report(boolean withExamples) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-24s %6s %-22s %6s %-22s %-22s %-22s %-18s %s%n", "category", "PANs",
                "PAN recall [95% CI]", "leaks", "PAN precision", "CVV recall", "expiry recall", "negatives flagged",
                "counts (found/PANs, true/PAN hits, CVV, expiry)"));
        Map<String, Tally> rows = new LinkedHashMap<>(byCategory);
        rows.put("ALL", total(byCategory));
        for (Map.Entry<String, Tally> e : rows.entrySet()) {
            Tally t = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-24s %6d %-22s %6d %-22s %-22s %-22s %-18s %d/%d %d/%d %d/%d %d/%d%n",
                    e.getKey(), t.pans, ci(t.pansFound, t.pans), t.pansLeaked, ci(t.panHitsTrue, t.panHits),
                    ci(t.cvvFound, t.cvv), ci(t.expiryFound, t.expiry), t.negativesFlagged + "/" + t.negatives,
                    t.pansFound, t.pans, t.panHitsTrue, t.panHits, t.cvvFound, t.cvv, t.expiryFound, t.expiry));
        }
        sb.append(String.format("%nby brand/length%n"));
        for (Map.Entry<String, Tally> e : byBrand.entrySet()) {
            Tally t = e.getValue();
            sb.append(String.format(Locale.ROOT, "%-24s %6d %-22s %6d%n", e.getKey(), t.pans, ci(t.pansFound, t.pans),
                    t.pansLeaked));
        }
        if (withExamples) {
            sb.append(String.format("%nexamples of failures%n"));
            for (Map.Entry<String, Tally> e : byCategory.entrySet()) {
                for (String x : e.getValue().examples) {
                    sb.append(e.getKey()).append(": ").append(x).append('\n');
                }
            }
        }
        return sb.toString();
    }

    int leaks() {
        return total(byCategory).pansLeaked;
    }
}
