package io.wem.common.security;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A caller's teams, loaded from the organisation directory on first use (most requests never ask, so a directory
 * outage only fails the requests whose scope depends on a team). A failed load throws on every use: fail closed.
 */
final class DirectoryTeams extends AbstractSet<String> {
    private final Supplier<Set<String>> load;
    private volatile Set<String> teams;

    DirectoryTeams(Supplier<Set<String>> load) {
        this.load = load;
    }

    private Set<String> teams() {
        Set<String> t = teams;
        if (t == null) {
            t = Set.copyOf(load.get());
            teams = t;
        }
        return t;
    }

    @Override
    public boolean contains(Object o) {
        return teams().contains(o);
    }

    @Override
    public Iterator<String> iterator() {
        return teams().iterator();
    }

    @Override
    public int size() {
        return teams().size();
    }
}
