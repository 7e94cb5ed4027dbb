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

    public static Map<String, List<String>> byUser() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("agent1", List.of("/me/plan", "/me/behaviors", "/me/wellbeing", "/me/data", "/me/visibility"));
        pages.put("supervisor1", List.of("/inbox", "/teams/team-north", "/playbooks"));
        pages.put("ciso1", List.of("/ciso/audit?search=1&subject=agent-north-01", "/ciso/access", "/ciso/retention",
                "/ciso/compliance", "/ciso/holds", "/ciso/approvals"));
        return pages;
    }
}
