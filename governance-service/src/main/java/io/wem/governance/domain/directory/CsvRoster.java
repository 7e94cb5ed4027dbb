package io.wem.governance.domain.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a roster in CSV (RFC 4180: comma separated, double quotes around fields with commas, quotes or line breaks).
 * The first line names the columns, in any order: team_id, username, role (required); team_name, site,
 * display_name, agent_id, for_agent (optional; camelCase accepted). Row numbers are file line numbers (header = 1).
 */
public final class CsvRoster {

    private static final List<String> REQUIRED = List.of("team_id", "username", "role");
    private static final List<String> KNOWN = List.of("team_id", "team_name", "site", "username", "display_name",
            "role", "agent_id", "for_agent");

    private CsvRoster() {
    }

    /** Rows, or the header's problems as row-1 errors (in {@code errors}). */
    public static List<RosterRow> parse(String csv, List<RowError> errors) {
        List<List<String>> lines = records(csv == null ? "" : csv);
        if (lines.isEmpty()) {
            errors.add(new RowError(1, "header", "empty roster: the first line must name the columns"));
            return List.of();
        }
        Map<String, Integer> col = new HashMap<>();
        List<String> header = lines.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i));
            if (!KNOWN.contains(name)) {
                errors.add(new RowError(1, header.get(i).strip(), "unknown column; known: " + String.join(", ", KNOWN)));
            } else if (col.putIfAbsent(name, i) != null) {
                errors.add(new RowError(1, name, "column named twice"));
            }
        }
        for (String r : REQUIRED) {
            if (!col.containsKey(r)) {
                errors.add(new RowError(1, r, "required column missing"));
            }
        }
        if (!errors.isEmpty()) {
            return List.of();
        }
        List<RosterRow> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> f = lines.get(n);
            if (f.size() == 1 && f.get(0).isBlank()) {
                continue;   // blank line
            }
            if (f.size() > header.size()) {
                errors.add(new RowError(n + 1, "line", "more fields than columns"));
                continue;
            }
            rows.add(new RosterRow(n + 1, get(f, col, "team_id"), get(f, col, "team_name"), get(f, col, "site"),
                    get(f, col, "username"), get(f, col, "display_name"), get(f, col, "role"),
                    get(f, col, "agent_id"), get(f, col, "for_agent")));
        }
        return rows;
    }

    private static String normalise(String header) {
        String h = header.strip();
        if (!h.isEmpty() && h.charAt(0) == '\uFEFF') {
            h = h.substring(1);   // byte-order mark written by spreadsheet exports
        }
        StringBuilder b = new StringBuilder();
        for (char c : h.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c == '-' || c == ' ' ? '_' : c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String get(List<String> fields, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= fields.size() ? null : fields.get(i);
    }

    /** Splits into records of fields, honouring quotes; a quoted field may span lines. */
    static List<List<String>> records(String s) {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                rec.add(field.toString());
                field.setLength(0);
                out.add(rec);
                rec = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
            }
        }
        if (any || !rec.isEmpty()) {
            rec.add(field.toString());
            out.add(rec);
        }
        return out;
    }
}
