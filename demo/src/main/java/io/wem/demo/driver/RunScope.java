package io.wem.demo.driver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this demo run may judge: only what the suite produced after the run started. The demo's agent ids are fixed
 * (realm users log in as them), so a stack that was not reset still holds an earlier run's gaps, interventions and
 * alerts for the same agents; counted again they would show as duplicates, extra work or situations found that this
 * run did not find. Gaps and interventions are told apart by id; alerts carry none, so as many of each (agent, kind)
 * as were there before are left out.
 */
public final class RunScope {
    public static final RunScope EMPTY = new RunScope(Set.of(), Set.of(), Map.of(), 0);

    private final Set<String> gapIds;
    private final Set<String> interventionIds;
    private final Map<String, Integer> alertsBefore;
    private final int alertCount;

    private RunScope(Set<String> gapIds, Set<String> interventionIds, Map<String, Integer> alertsBefore, int alertCount) {
        this.gapIds = gapIds;
        this.interventionIds = interventionIds;
        this.alertsBefore = alertsBefore;
        this.alertCount = alertCount;
    }

    /** The scope of a run that started when the suite showed these (null alerts: they could not be read). */
    public static RunScope startingFrom(List<Findings.Gap> gaps, List<Findings.Intervention> interventions,
                                        List<Findings.Alert> alerts) {
        Set<String> g = new HashSet<>();
        gaps.forEach(x -> g.add(key(x)));
        Set<String> i = new HashSet<>();
        interventions.forEach(x -> i.add(x.id()));
        Map<String, Integer> a = new HashMap<>();
        if (alerts != null) {
            alerts.forEach(x -> a.merge(key(x), 1, Integer::sum));
        }
        return new RunScope(Set.copyOf(g), Set.copyOf(i), Map.copyOf(a), alerts == null ? 0 : alerts.size());
    }

    public boolean carriesOver() {
        return !gapIds.isEmpty() || !interventionIds.isEmpty() || alertCount > 0;
    }

    public int gapsBefore() {
        return gapIds.size();
    }

    public int interventionsBefore() {
        return interventionIds.size();
    }

    public int alertsBefore() {
        return alertCount;
    }

    public List<Findings.Gap> gaps(List<Findings.Gap> all) {
        return all.stream().filter(g -> !gapIds.contains(key(g))).toList();
    }

    public List<Findings.Intervention> interventions(List<Findings.Intervention> all) {
        return all.stream().filter(i -> !interventionIds.contains(i.id())).toList();
    }

    /** Null stays null (could not be read). */
    public List<Findings.Alert> alerts(List<Findings.Alert> all) {
        if (all == null) {
            return null;
        }
        Map<String, Integer> skip = new HashMap<>(alertsBefore);
        List<Findings.Alert> out = new ArrayList<>();
        for (Findings.Alert a : all) {
            Integer left = skip.get(key(a));
            if (left != null && left > 0) {
                skip.put(key(a), left - 1);
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** A gap without an id (read from an intervention that carries none) is known by what it is about. */
    private static String key(Findings.Gap g) {
        return g.gapId() != null ? g.gapId() : g.agentId() + "|" + g.teamId() + "|" + g.behaviorId();
    }

    private static String key(Findings.Alert a) {
        return a.agentId() + "|" + a.teamId() + "|" + a.kind();
    }
}
