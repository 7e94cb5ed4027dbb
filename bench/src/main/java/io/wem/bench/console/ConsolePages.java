package io.wem.bench.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The console's pages the bench times, by the demo's user who opens them. */
public final class ConsolePages {

    private ConsolePages() {
    }

    /** A {name} in a path is the first link the user's own page shows: the demo's data, not an id made up here. */
    public record Placeholder(String page, Pattern link) {
    }

    public static final Map<String, Placeholder> PLACEHOLDERS = Map.of(
            "intervention", new Placeholder("/inbox", Pattern.compile("href=\"/inbox/([^\"/?]+)\"")));

    /**
     * Every page and download of the console (ConsolePagesTest reads the console's routes and fails on one left out),
     * each opened by a demo user the page is meant for, on the demo's own teams and agents.
     */
    public static Map<String, List<String>> byUser() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("agent1", List.of("/", "/me/plan", "/me/behaviors", "/me/wellbeing", "/me/data", "/me/visibility"));
        pages.put("supervisor1", List.of("/", "/inbox", "/inbox/{intervention}", "/teams", "/teams/team-north",
                "/teams/team-north/reviews", "/agents/agent-north-01/behaviors", "/playbooks"));
        pages.put("coach1", List.of("/inbox", "/inbox/{intervention}", "/playbooks"));
        pages.put("ciso1", List.of("/", "/ciso/audit", "/ciso/audit?search=1&subject=agent-north-01",
                "/ciso/audit?verify=1", "/ciso/audit.csv?subject=agent-north-01", "/ciso/access", "/ciso/access.csv",
                "/ciso/access/matrix", "/ciso/access/matrix.csv", "/ciso/retention", "/ciso/compliance",
                "/ciso/compliance.csv", "/ciso/holds", "/ciso/approvals", "/logged-out"));
        return pages;
    }

    /**
     * The path with its placeholders filled from {@code read} (a page's HTML by path, in the user's session), or null
     * when the page links nothing of the kind (the demo's data is missing).
     */
    public static String fill(String path, java.util.function.Function<String, String> read) {
        String filled = path;
        for (Map.Entry<String, Placeholder> e : PLACEHOLDERS.entrySet()) {
            String name = "{" + e.getKey() + "}";
            if (filled.contains(name)) {
                java.util.regex.Matcher m = e.getValue().link().matcher(read.apply(e.getValue().page()));
                if (!m.find()) {
                    return null;
                }
                filled = filled.replace(name, m.group(1));
            }
        }
        return filled;
    }
}
