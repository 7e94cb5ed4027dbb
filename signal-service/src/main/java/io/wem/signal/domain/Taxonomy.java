package io.wem.signal.domain;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The organisation's own names for the suite's categories. A behavior's filter names a category (the built-in
 * {@code complaint-empathy} reads contact reason {@code complaint}, {@code billing-confirmation} reads
 * {@code billing-dispute}); each organisation calls its reasons and queues what it likes ("Beschwerde",
 * "svc-recovery", "RECLAMATION"). The taxonomy maps them, as data (configuration
 * {@code wem.signal.taxonomy.contact-reason.<category>=<name>, <name>}, and the same for {@code queue} and
 * {@code channel}), so no behavior depends on one organisation's vocabulary.
 *
 * <p>Names compare normalised (case, surrounding space, and runs of space, underscore or dash are ignored), and a
 * category always matches its own name, so an organisation whose reason is literally {@code complaint} needs no
 * mapping.
 */
public final class Taxonomy {

    /** The filter dimensions a taxonomy can map. */
    public static final List<String> DIMENSIONS = List.of("contactReason", "queue", "channel");

    private final Map<String, Map<String, Set<String>>> byDimension;

    private Taxonomy(Map<String, Map<String, Set<String>>> byDimension) {
        this.byDimension = byDimension;
    }

    public static Taxonomy empty() {
        return new Taxonomy(Map.of());
    }

    /**
     * @param mappings dimension (contactReason, queue, channel) → category → the organisation's names for it
     * @throws IllegalArgumentException on an unknown dimension, or one organisation name given to two categories
     *                                  (an interaction would then count for both)
     */
    public static Taxonomy of(Map<String, Map<String, List<String>>> mappings) {
        Map<String, Map<String, Set<String>>> out = new HashMap<>();
        mappings.forEach((dimension, categories) -> {
            if (!DIMENSIONS.contains(dimension)) {
                throw new IllegalArgumentException("taxonomy dimension '" + dimension + "' is not one of " + DIMENSIONS);
            }
            Map<String, Set<String>> m = new HashMap<>();
            Map<String, String> owner = new HashMap<>();
            categories.forEach((category, names) -> {
                String c = normalise(category);
                Set<String> set = m.computeIfAbsent(c, k -> new LinkedHashSet<>(Set.of(c)));
                for (String name : names) {
                    String n = normalise(name);
                    if (n.isEmpty()) {
                        continue;
                    }
                    String before = owner.putIfAbsent(n, c);
                    if (before != null && !before.equals(c)) {
                        throw new IllegalArgumentException("taxonomy " + dimension + ": '" + name
                                + "' is mapped to both '" + before + "' and '" + c + "'");
                    }
                    set.add(n);
                }
            });
            out.put(dimension, m);
        });
        return new Taxonomy(out);
    }

    /** The normalised names that match a behavior's filter value on this dimension: the value and its mapped names. */
    public Set<String> matches(String dimension, String filterValue) {
        String c = normalise(filterValue);
        Set<String> mapped = byDimension.getOrDefault(dimension, Map.of()).get(c);
        return mapped == null ? Set.of(c) : Set.copyOf(mapped);
    }

    /** Does a signal's value (e.g. its contact reason) fall under the filter value? */
    public boolean matches(String dimension, String filterValue, String signalValue) {
        return signalValue != null && matches(dimension, filterValue).contains(normalise(signalValue));
    }

    /**
     * Lower case, surrounding white space removed, runs of white space, underscore and dash as one dash:
     * "Billing_Dispute " → "billing-dispute". The repository's SQL applies the same two regular expressions
     * ({@code SQL}); PostgreSQL's {@code \s} and Java's are the same ASCII white space.
     */
    public static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("^\\s+|\\s+$", "").replaceAll("[\\s_-]+", "-");
    }

    /** {@link #normalise} in PostgreSQL, for a column or expression. */
    public static String sql(String column) {
        return "regexp_replace(regexp_replace(lower(" + column + "), '^\\s+|\\s+$', '', 'g'), '[\\s_-]+', '-', 'g')";
    }
}
