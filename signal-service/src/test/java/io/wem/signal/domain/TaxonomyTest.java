package io.wem.signal.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An organisation's own reason names, generated here (the code has never seen them), reach the suite's categories. */
public class TaxonomyTest {

    public static String word(Random r) {
        StringBuilder s = new StringBuilder();
        int len = 3 + r.nextInt(8);
        for (int k = 0; k < len; k++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    /** The same name as an operator might type it: other case, spaces or underscores for dashes, padding. */
    public static String variant(Random r, String name) {
        String v = r.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name;
        v = v.replace("-", r.nextBoolean() ? "_" : " ");
        return (r.nextBoolean() ? "  " : "") + v + (r.nextBoolean() ? " " : "");
    }

    @Property(tries = 200)
    void generatedNamesReachTheirCategoryAndNoOther(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        Random r = new Random(seed);
        Map<String, List<String>> reasons = new HashMap<>();
        List<String> categories = List.of(word(r) + "-" + word(r), word(r), word(r) + "-" + word(r) + "-" + word(r));
        List<String> used = new ArrayList<>();
        for (String c : categories) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                String n = word(r) + (r.nextBoolean() ? "-" + word(r) : "");
                if (!used.contains(Taxonomy.normalise(n)) && !categories.contains(Taxonomy.normalise(n))) {
                    names.add(n);
                    used.add(Taxonomy.normalise(n));
                }
            }
            reasons.put(c, names);
        }
        Taxonomy t = Taxonomy.of(Map.of("contactReason", reasons));
        for (String c : categories) {
            assertTrue(t.matches("contactReason", c, variant(r, c)), "a category matches its own name");
            for (String n : reasons.get(c)) {
                assertTrue(t.matches("contactReason", c, variant(r, n)), n + " -> " + c);
                for (String other : categories) {
                    if (!other.equals(c)) {
                        assertFalse(t.matches("contactReason", other, n), n + " must not count for " + other);
                    }
                }
            }
            // The mapping is per dimension: a queue of that name is not a reason.
            reasons.get(c).forEach(n -> assertFalse(t.matches("queue", c, n)));
        }
        String stranger = word(r) + "-" + word(r) + "-" + word(r) + "-" + word(r);
        categories.forEach(c -> assertFalse(t.matches("contactReason", c, stranger)));
        assertFalse(t.matches("contactReason", categories.get(0), null));
    }

    @Test
    void aNameInTwoCategoriesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Taxonomy.of(Map.of("contactReason",
                Map.of("cat-a", List.of("Same Name"), "cat-b", List.of("same_name")))));
        assertThrows(IllegalArgumentException.class, () -> Taxonomy.of(Map.of("team", Map.of("x", List.of("y")))));
    }

    /** Without a taxonomy a built-in category matches only its own name, normalised. */
    @Test
    void emptyTaxonomyMatchesTheCategoryOnly() {
        Taxonomy t = Taxonomy.empty();
        assertTrue(t.matches("contactReason", "billing-dispute", "Billing_Dispute"));
        assertFalse(t.matches("contactReason", "billing-dispute", "billing"));
    }
}
