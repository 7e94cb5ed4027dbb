package io.wem.bench.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bench times every page the console serves: each GET route declared in the console's resources (read from its
 * sources, so a new page without a bench entry fails here) is opened by at least one of the demo's users.
 */
class ConsolePagesTest {

    static final Path RESOURCES = Path.of("..", "console", "src", "main", "java", "io", "wem", "console", "rest");
    static final Pattern CLASS_PATH = Pattern.compile("^@Path\\(\"([^\"]*)\"\\)", Pattern.MULTILINE);
    // a method's @GET, then (before the method's name) its own @Path if it has one
    static final Pattern GET = Pattern.compile("@GET\\s+((?:@\\w+(?:\\([^)]*\\))?\\s+)*)public [^(]+\\(");
    static final Pattern METHOD_PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");

    @Test
    void everyGetRouteOfTheConsoleIsTimed() throws IOException {
        Set<String> routes = routes();
        assertTrue(routes.contains("/ciso/access") && routes.contains("/inbox/{}") && routes.contains("/"),
                "the console's routes were not read: " + routes);
        Set<String> timed = new TreeSet<>();
        ConsolePages.byUser().values().forEach(paths -> paths.forEach(p -> timed.add(template(p))));
        Set<String> missing = new TreeSet<>();
        for (String route : routes) {
            if (timed.stream().noneMatch(t -> matches(route, t))) {
                missing.add(route);
            }
        }
        assertEquals(Set.of(), missing, "console routes the bench does not time");
    }

    @Test
    void placeholdersAreOnlyTheOnesTheBenchFillsIn() {
        ConsolePages.byUser().values().forEach(paths -> paths.forEach(p -> {
            Matcher m = Pattern.compile("\\{([^}]*)}").matcher(p);
            while (m.find()) {
                assertTrue(ConsolePages.PLACEHOLDERS.containsKey(m.group(1)), p);
            }
        }));
    }

    /** "/inbox/{intervention}?x=1" → "/inbox/{}" */
    static String template(String path) {
        int q = path.indexOf('?');
        return (q < 0 ? path : path.substring(0, q)).replaceAll("\\{[^}]*}", "{}");
    }

    /** A route matches a timed path when each segment is equal, or the route's segment is a parameter. */
    static boolean matches(String route, String timed) {
        String[] r = route.split("/", -1);
        String[] t = timed.split("/", -1);
        if (r.length != t.length) {
            return false;
        }
        for (int i = 0; i < r.length; i++) {
            if (!r[i].equals(t[i]) && !r[i].equals("{}")) {
                return false;
            }
        }
        return true;
    }

    static Set<String> routes() throws IOException {
        Set<String> routes = new TreeSet<>();
        try (Stream<Path> files = Files.list(RESOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher base = CLASS_PATH.matcher(source);
                if (!base.find()) {
                    continue;
                }
                Matcher get = GET.matcher(source);
                while (get.find()) {
                    Matcher own = METHOD_PATH.matcher(get.group(1));
                    routes.add(template(join(base.group(1), own.find() ? own.group(1) : "")));
                }
            }
        }
        return routes;
    }

    static String join(String base, String path) {
        String joined = (base.endsWith("/") ? base : base + "/") + (path.startsWith("/") ? path.substring(1) : path);
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    @Test
    void theRouteReaderFindsClassAndMethodPaths() {
        assertEquals("/ciso/access/matrix", join("/ciso", "access/matrix"));
        assertEquals("/", join("/", ""));
        assertEquals("/inbox", join("/inbox", ""));
        assertTrue(matches("/teams/{}/reviews", "/teams/team-north/reviews"));
        assertTrue(!matches("/teams/{}", "/teams/team-north/reviews"));
        assertEquals(List.of("/inbox/{}"), List.of(template("/inbox/{intervention}?done=x")));
    }

    @Test
    void aPlaceholderIsTheFirstLinkOfItsPageOrNothingWithoutTheDemosData() {
        String inbox = "<a href=\"/inbox\">Inbox</a><td><a href=\"/inbox/9f1c-aa\">x</a></td><a href=\"/inbox/b2\">";
        assertEquals("/inbox/9f1c-aa", ConsolePages.fill("/inbox/{intervention}", p -> p.equals("/inbox") ? inbox : ""));
        assertEquals(null, ConsolePages.fill("/inbox/{intervention}", p -> "<p>Nothing in your inbox.</p>"));
        assertEquals("/teams", ConsolePages.fill("/teams", p -> {
            throw new AssertionError("read without a placeholder");
        }));
    }
}
