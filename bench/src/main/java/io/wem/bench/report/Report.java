package io.wem.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects figures and facts about the run; prints the table and writes bench-results.json. */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] SECTIONS = {"", "1. Kafka ingestion, end to end", "2. Closed-loop latency",
            "3. REST", "4. Redaction (JMH)", "5. Footprint", "6. Console pages (signed in)"};

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Instant started = Instant.now();

    public synchronized void add(Figure f) {
        figures.add(f);
        System.out.println("    " + line(f));
    }

    public synchronized void machine(String key, Object value) {
        machine.put(key, value);
    }

    /** Extra observations (profile summary, settings used) written to the JSON. */
    public synchronized void fact(String key, Object value) {
        facts.put(key, value);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public synchronized void print(PrintStream out) {
        out.println();
        out.println("WEM benchmark — " + started + " — " + machine.getOrDefault("cpu", "?") + ", "
                + machine.getOrDefault("nproc", "?") + " cores, " + machine.getOrDefault("memoryMb", "?") + " MB");
        String fmt = "  %-52s %14s  %-13s %-44s %14s  %-13s %8s  %s%n";
        for (int s = 1; s < SECTIONS.length; s++) {
            int section = s;
            List<Figure> in = figures.stream().filter(f -> f.section() == section).toList();
            if (in.isEmpty()) {
                continue;
            }
            out.println();
            out.println(SECTIONS[s]);
            out.printf(Locale.ROOT, fmt, "figure", "value", "unit", "reference (same run)", "ref value", "unit",
                    "ratio", "aim");
            for (Figure f : in) {
                out.printf(Locale.ROOT, fmt, cut(f.label(), 52), num(f.value()), cut(nz(f.unit()), 13),
                        cut(nz(f.referenceLabel()), 44), num(f.reference()), cut(nz(f.referenceUnit()), 13),
                        f.ratio() == null ? "" : String.format(Locale.ROOT, "%.3f", f.ratio()), aimText(f));
                if (f.note() != null) {
                    out.println((f.value() == null ? "      not measured: " : "      note: ") + f.note());
                }
            }
        }
        out.println();
    }

    public synchronized void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("startedAt", started.toString());
        root.put("finishedAt", Instant.now().toString());
        root.set("machine", JSON.valueToTree(machine));
        ArrayNode arr = root.putArray("figures");
        for (Figure f : figures) {
            arr.add(JSON.valueToTree(f));
        }
        root.set("facts", JSON.valueToTree(facts));
        Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    static String line(Figure f) {
        StringBuilder b = new StringBuilder(f.label()).append(": ");
        if (f.value() == null) {
            return b.append("not measured (").append(f.note()).append(')').toString();
        }
        b.append(num(f.value())).append(' ').append(nz(f.unit()));
        if (f.reference() != null) {
            b.append(" | ").append(f.referenceLabel()).append(": ").append(num(f.reference())).append(' ')
                    .append(nz(f.referenceUnit()));
        }
        if (f.ratio() != null) {
            b.append(String.format(Locale.ROOT, " | ratio %.3f", f.ratio()));
        }
        if (f.aim() != null) {
            b.append(" | ").append(aimText(f));
        }
        return b.toString();
    }

    private static String aimText(Figure f) {
        if (f.aim() == null) {
            return "";
        }
        return (f.aimMet() == null ? "? " : f.aimMet() ? "MET " : "MISSED ") + f.aim();
    }

    static String num(Double v) {
        if (v == null) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
