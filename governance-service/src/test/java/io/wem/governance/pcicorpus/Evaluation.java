package io.wem.governance.pcicorpus;

import io.wem.common.contracts.RedactionResponse;
import io.wem.governance.pcicorpus.Corpus.Case;
import io.wem.governance.pcicorpus.Corpus.Secret;
import io.wem.governance.pcicorpus.Corpus.SecretKind;
import io.wem.governance.pcicorpus.Corpus.Span;
import io.wem.testing.pci.SpokenDigitReader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores redaction answers against the generated labels. A secret is found when every letter and digit of every
 * token that carries its digits lies inside some finding. A finding is correct when it touches a secret and no decoy.
 * A PAN leaks when any 5 consecutive digits of it can still be read (typed or spoken) in the redacted turns of
 * one speaker, read together, and could not already be read from the rest of the text.
 */
final class Evaluation {

    static final int LEAK_WINDOW = 5;

    /** Counters of one category (or one brand). */
    static final class Tally {
        int cases;
        final int[] total = new int[SecretKind.values().length];
        final int[] found = new int[SecretKind.values().length];
        int panLeaks;
        int truePositives;
        int falsePositives;
        int negativeCasesFlagged;
        int negativeCases;

        double recall(SecretKind k) {
            return total[k.ordinal()] == 0 ? Double.NaN : (double) found[k.ordinal()] / total[k.ordinal()];
        }

        int findings() {
            return truePositives + falsePositives;
        }

        double precision() {
            return findings() == 0 ? Double.NaN : (double) truePositives / findings();
        }
    }

    final Map<String, Tally> byCategory = new LinkedHashMap<>();
    final Map<String, Tally> byBrand = new LinkedHashMap<>();
    final Tally all = new Tally();
    /** A few leaked or missed examples (category and text), for people fixing the engine. */
    final List<String> examples = new ArrayList<>();
    /** A few findings on harmless text (at most 3 per category). */
    final List<String> falsePositiveExamples = new ArrayList<>();

    /** Scores one case; {@code answer} has one result per turn, in order. */
    void score(Case c, List<RedactionResponse.Result> answer) {
        Tally cat = byCategory.computeIfAbsent(c.category(), k -> new Tally());
        cat.cases++;
        all.cases++;
        List<boolean[]> covered = new ArrayList<>();
        for (int t = 0; t < c.turns().size(); t++) {
            final int turn = t;
            boolean[] cov = new boolean[c.turns().get(t).text().length()];
            for (RedactionResponse.Finding f : answer.get(t).findings()) {
                for (int i = Math.max(0, f.start()); i < Math.min(cov.length, f.end()); i++) {
                    cov[i] = true;
                }
                boolean touchesSecret = c.extents().stream().anyMatch(s -> s.overlaps(turn, f.start(), f.end()));
                boolean touchesDecoy = c.decoys().stream().anyMatch(s -> s.overlaps(turn, f.start(), f.end()));
                boolean correct = touchesSecret && !touchesDecoy;
                if (!correct && falsePositiveExamples.stream().filter(e -> e.startsWith(c.category() + " ")).count() < Integer.getInteger("wem.pci.fp-examples", 3)) {
                    String said = c.turns().get(t).text();
                    falsePositiveExamples.add(c.category() + " " + f.type() + " over \""
                            + said.substring(Math.max(0, f.start()), Math.min(said.length(), f.end())) + "\" in: "
                            + said.replace("\n", "\\n"));
                }
                cat.truePositives += correct ? 1 : 0;
                cat.falsePositives += correct ? 0 : 1;
                all.truePositives += correct ? 1 : 0;
                all.falsePositives += correct ? 0 : 1;
            }
            covered.add(cov);
        }
        if (c.secrets().isEmpty()) {
            cat.negativeCases++;
            all.negativeCases++;
            boolean flagged = answer.stream().anyMatch(r -> !r.findings().isEmpty());
            cat.negativeCasesFlagged += flagged ? 1 : 0;
            all.negativeCasesFlagged += flagged ? 1 : 0;
        }
        Map<String, Set<String>> readable = null;
        for (Secret s : c.secrets()) {
            boolean found = s.tokens().stream().allMatch(tok -> {
                boolean[] cov = covered.get(tok.turn());
                String said = c.turns().get(tok.turn()).text();
                for (int i = tok.start(); i < tok.end(); i++) {
                    // separators inside a token ("05.2026", "forty-one") carry no digit
                    if (!cov[i] && Character.isLetterOrDigit(said.charAt(i))) {
                        return false;
                    }
                }
                return true;
            });
            Tally brand = s.kind() == SecretKind.PAN ? byBrand.computeIfAbsent(s.brand() + " " + s.digits().length(),
                    k -> new Tally()) : null;
            for (Tally x : brand == null ? List.of(cat, all) : List.of(cat, all, brand)) {
                x.total[s.kind().ordinal()]++;
                x.found[s.kind().ordinal()] += found ? 1 : 0;
            }
            boolean leaked = false;
            if (s.kind() == SecretKind.PAN) {
                if (readable == null) {
                    readable = newlyReadable(c, answer);
                }
                leaked = leaks(s.digits(), readable);
                if (leaked) {
                    cat.panLeaks++;
                    all.panLeaks++;
                    brand.panLeaks++;
                }
            }
            if ((!found || leaked) && examples.size() < 60 && examples.stream().filter(e -> e.startsWith(
                    c.category() + " ")).count() < 3) {
                examples.add(c.category() + " " + s.kind() + (leaked ? " LEAK" : " missed") + ": "
                        + render(c, answer));
            }
        }
    }

    static boolean leaks(String pan, Map<String, Set<String>> readable) {
        for (int i = 0; i + LEAK_WINDOW <= pan.length(); i++) {
            String w = pan.substring(i, i + LEAK_WINDOW);
            for (Set<String> r : readable.values()) {
                if (r.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Per speaker: the 5-digit windows readable in the redacted turns that are not readable in the original turns
     * with every PAN token masked (those come from harmless numbers, not from a card).
     */
    static Map<String, Set<String>> newlyReadable(Case c, List<RedactionResponse.Result> answer) {
        Map<String, StringBuilder> redacted = new LinkedHashMap<>();
        Map<String, StringBuilder> background = new LinkedHashMap<>();
        for (int t = 0; t < c.turns().size(); t++) {
            String speaker = c.turns().get(t).speaker();
            redacted.computeIfAbsent(speaker, k -> new StringBuilder()).append(answer.get(t).text()).append(' ');
            background.computeIfAbsent(speaker, k -> new StringBuilder()).append(masked(c, t)).append(' ');
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (var e : redacted.entrySet()) {
            Set<String> w = new HashSet<>(SpokenDigitReader.windows(e.getValue().toString(), LEAK_WINDOW));
            w.removeAll(SpokenDigitReader.windows(background.get(e.getKey()).toString(), LEAK_WINDOW));
            out.put(e.getKey(), w);
        }
        return out;
    }

    private static String masked(Case c, int turn) {
        StringBuilder s = new StringBuilder(c.turns().get(turn).text());
        List<Span> spans = new ArrayList<>();
        for (Secret secret : c.secrets()) {
            if (secret.kind() == SecretKind.PAN) {
                secret.tokens().stream().filter(x -> x.turn() == turn).forEach(spans::add);
            }
        }
        spans.sort((a, b) -> Integer.compare(b.start(), a.start()));
        for (Span x : spans) {
            s.replace(x.start(), x.end(), "[X]");
        }
        return s.toString();
    }

    private static String render(Case c, List<RedactionResponse.Result> answer) {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < c.turns().size(); t++) {
            b.append(" | ").append(c.turns().get(t).speaker()).append(": ").append(c.turns().get(t).text())
                    .append(" => ").append(answer.get(t).text());
        }
        return b.toString().replace("\n", "\\n").replace("\t", "\\t");
    }

    /** Wilson score interval at 95 %. */
    static String wilson(int successes, int n) {
        if (n == 0) {
            return "–";
        }
        double z = 1.96;
        double p = (double) successes / n;
        double d = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / d;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / d;
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p, Math.max(0, centre - half),
                Math.min(1, centre + half));
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append("| category | cases | PAN recall [95% CI] | PANs leaked | CVV recall | expiry recall | findings | "
                + "precision [95% CI] | negatives flagged |\n|---|---|---|---|---|---|---|---|---|\n");
        for (var e : byCategory.entrySet()) {
            row(b, e.getKey(), e.getValue());
        }
        row(b, "**all**", all);
        b.append("\n| brand and length | PANs | recall [95% CI] | leaked |\n|---|---|---|---|\n");
        byBrand.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append("| ").append(e.getKey())
                .append(" | ").append(e.getValue().total[0]).append(" | ")
                .append(wilson(e.getValue().found[0], e.getValue().total[0])).append(" | ")
                .append(e.getValue().panLeaks).append(" |\n"));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Tally t) {
        int pan = SecretKind.PAN.ordinal();
        int cvv = SecretKind.CVV.ordinal();
        int exp = SecretKind.EXPIRY.ordinal();
        b.append("| ").append(name).append(" | ").append(t.cases)
                .append(" | ").append(wilson(t.found[pan], t.total[pan]))
                .append(" | ").append(t.total[pan] == 0 ? "–" : t.panLeaks + " / " + t.total[pan])
                .append(" | ").append(wilson(t.found[cvv], t.total[cvv]))
                .append(" | ").append(wilson(t.found[exp], t.total[exp]))
                .append(" | ").append(t.findings())
                .append(" | ").append(wilson(t.truePositives, t.findings()))
                .append(" | ").append(t.negativeCases == 0 ? "–" : t.negativeCasesFlagged + " / " + t.negativeCases)
                .append(" |\n");
    }
}
