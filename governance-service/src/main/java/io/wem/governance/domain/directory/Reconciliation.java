package io.wem.governance.domain.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a source's new state changes: assignments to open (in the desired state, not open now) and to close (open
 * now, no longer desired). Unchanged assignments are neither, so importing the same state twice changes nothing and
 * writes no history.
 */
public record Reconciliation(List<Assignment.Key> toOpen, List<Assignment> toClose) {

    public static Reconciliation plan(List<Assignment> openNow, Set<Assignment.Key> desired) {
        Set<Assignment.Key> present = new HashSet<>();
        List<Assignment> close = new ArrayList<>();
        for (Assignment a : openNow) {
            if (desired.contains(a.key()) && present.add(a.key())) {
                continue;
            }
            close.add(a);   // no longer desired, or a duplicate open row of the same key
        }
        List<Assignment.Key> open = desired.stream().filter(k -> !present.contains(k)).toList();
        return new Reconciliation(open, close);
    }

    public boolean unchanged() {
        return toOpen.isEmpty() && toClose.isEmpty();
    }
}
