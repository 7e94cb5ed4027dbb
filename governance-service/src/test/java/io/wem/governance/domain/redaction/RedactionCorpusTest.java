package io.wem.governance.domain.redaction;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precision and recall of the engine on the labeled corpus (src/test/resources/redaction-corpus.tsv). A finding
 * counts as a true positive when its type matches a labeled secret and the spans overlap; every labeled secret
 * nothing overlapped is a miss, every finding that overlaps no label a false positive. The floors are set just
 * under the figures measured when the engine was written (docs/governance.md records them), so a regression fails.
 */
class RedactionCorpusTest {

    private static final double RECALL_FLOOR = 0.98;
    private static final double PRECISION_FLOOR = 0.98;

    record Label(FindingType type, int start, int end) {
    }

    @Test
    void precisionAndRecallOnTheLabeledCorpus() throws Exception {
        PciRedactor redactor = new PciRedactor();
        Map<FindingType, int[]> counts = new EnumMap<>(FindingType.class); // tp, fp, fn
        for (FindingType t : FindingType.values()) {
            counts.put(t, new int[3]);
        }
        int lines = 0;
        int exactSpans = 0;
        List<String> errors = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/redaction-corpus.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                lines++;
                String[] cols = line.split("\t", 3);
                List<Label> labels = parse(cols[1]);
                String text = cols[2];
                List<Finding> findings = redactor.find(text);
                boolean[] matched = new boolean[labels.size()];
                for (Finding f : findings) {
                    int hit = -1;
                    for (int i = 0; i < labels.size(); i++) {
                        Label l = labels.get(i);
                        if (!matched[i] && l.type() == f.type() && f.start() < l.end() && l.start() < f.end()) {
                            hit = i;
                            break;
                        }
                    }
                    if (hit >= 0) {
                        matched[hit] = true;
                        counts.get(f.type())[0]++;
                        if (labels.get(hit).start() == f.start() && labels.get(hit).end() == f.end()) {
                            exactSpans++;
                        }
                    } else {
                        counts.get(f.type())[1]++;
                        errors.add("FP " + f.type() + " [" + cols[0] + "] " + text);
                    }
                }
                for (int i = 0; i < labels.size(); i++) {
                    if (!matched[i]) {
                        counts.get(labels.get(i).type())[2]++;
                        errors.add("FN " + labels.get(i).type() + " [" + cols[0] + "] " + text);
                    }
                }
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder report = new StringBuilder("redaction corpus: " + lines + " lines\n");
        for (FindingType t : FindingType.values()) {
            int[] c = counts.get(t);
            tp += c[0];
            fp += c[1];
            fn += c[2];
            report.append(String.format("  %-6s tp=%d fp=%d fn=%d precision=%.4f recall=%.4f%n", t, c[0], c[1], c[2],
                    ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2])));
        }
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        report.append(String.format("  ALL    tp=%d fp=%d fn=%d precision=%.4f recall=%.4f exact-span=%.4f%n", tp, fp,
                fn, precision, recall, ratio(exactSpans, tp)));
        // The corpus is synthetic test data (no real card numbers), so printing misclassified lines is safe.
        errors.forEach(e -> report.append("  ").append(e).append('\n'));
        System.out.println(report);
        assertTrue(lines >= 300, "corpus must have at least 300 lines");
        assertTrue(recall >= RECALL_FLOOR, "recall " + recall + " below " + RECALL_FLOOR + "\n" + report);
        assertTrue(precision >= PRECISION_FLOOR, "precision " + precision + " below " + PRECISION_FLOOR + "\n" + report);
        assertTrue(ratio(counts.get(FindingType.PAN)[0], counts.get(FindingType.PAN)[0] + counts.get(FindingType.PAN)[2])
                >= 0.99, "PAN recall must stay at or above 0.99\n" + report);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    private static List<Label> parse(String col) {
        List<Label> labels = new ArrayList<>();
        if (col.equals("-")) {
            return labels;
        }
        for (String part : col.split(";")) {
            String[] typeAndSpan = part.split(":");
            String[] span = typeAndSpan[1].split("-");
            labels.add(new Label(FindingType.valueOf(typeAndSpan[0]), Integer.parseInt(span[0]),
                    Integer.parseInt(span[1])));
        }
        return labels;
    }
}
