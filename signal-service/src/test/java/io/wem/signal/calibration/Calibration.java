package io.wem.signal.calibration;

import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.common.contracts.GapType;
import io.wem.signal.domain.Assessment;
import io.wem.signal.domain.Behavior;
import io.wem.signal.domain.BuiltIns;
import io.wem.signal.domain.GapDetector;
import io.wem.signal.domain.LogRatio;
import io.wem.signal.domain.Observation;
import io.wem.signal.domain.Stats;
import io.wem.signal.domain.TeamData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the detection domain code (no stack) over generated contact centers and scores it against what was planted.
 * Per seed: one planted population (every kind once, at a ratio from the grid, rotated over seeds) and one null
 * population. Detection looks at the data at the end of days 6, 8 and 10 with the catalog's built-in interaction
 * behaviors; a gap opened at any look counts (open gaps do not close within ten days).
 */
final class Calibration {

    static final double[] GRID = {1.25, 1.5, 2.0, 2.5, 3.0, 4.0};
    static final int TEAMS = 4;
    static final int AGENTS = 12;
    static final int DAYS = 10;
    static final int[] LOOK_DAYS = {6, 8, 10};

    /** Owner role per gap type, per behavior, as seeded in coaching-service V2__seed_playbooks.sql. */
    static final Map<String, Map<GapType, String>> OWNER = Map.of(
            BuiltInBehaviors.HOLD_USAGE, Map.of(GapType.SKILL, "coach", GapType.MOTIVATION, "supervisor",
                    GapType.PROCESS, "process-owner", GapType.CAPACITY, "wfm-planner"),
            BuiltInBehaviors.TRANSFERS, Map.of(GapType.SKILL, "trainer", GapType.MOTIVATION, "supervisor",
                    GapType.PROCESS, "process-owner", GapType.CAPACITY, "wfm-planner"));

    static final Map<SyntheticCenter.Kind, GapType> TRUTH = Map.of(SyntheticCenter.Kind.SKILL, GapType.SKILL,
            SyntheticCenter.Kind.SKILL_ONE_REASON, GapType.SKILL, SyntheticCenter.Kind.MOTIVATION, GapType.MOTIVATION,
            SyntheticCenter.Kind.PROCESS, GapType.PROCESS, SyntheticCenter.Kind.CAPACITY, GapType.CAPACITY,
            SyntheticCenter.Kind.TRANSFER_SKILL, GapType.SKILL, SyntheticCenter.Kind.TRANSFER_ONE_REASON, GapType.SKILL,
            SyntheticCenter.Kind.TRANSFER_MOTIVATION, GapType.MOTIVATION,
            SyntheticCenter.Kind.TRANSFER_PROCESS, GapType.PROCESS);

    /** The behavior a planted kind shows in. */
    static String behaviorOf(SyntheticCenter.Kind kind) {
        return kind.onTransfers() ? BuiltInBehaviors.TRANSFERS : BuiltInBehaviors.HOLD_USAGE;
    }

    /**
     * @param reasonCalls for a one-reason plant, the planted agent's calls of that reason over the ten days (the
     *                    reason may be a rare one for the agent); -1 otherwise
     */
    record Outcome(SyntheticCenter.Plant plant, boolean detected, GapType type, int reasonCalls) {
    }

    static final class Result {
        final List<Outcome> outcomes = new ArrayList<>();
        int falseGapsNull;
        double agentWeeksNull;
        int falseGapsPlanted;
        double agentWeeksPlanted;
        /** The third population: transfer-rate situations planted. */
        int falseGapsTransfer;
        double agentWeeksTransfer;
        final List<String> falseExamples = new ArrayList<>();
        int seeds;
    }

    private final GapDetector detector = new GapDetector(GapDetector.Settings.defaults());
    private final List<Behavior> behaviors = BuiltIns.all().stream()
            .filter(b -> b.metricDef() != null && b.metricDef().signalKind().equals("interaction")).toList();

    Result run(long firstSeed, int seeds) {
        Result res = new Result();
        for (int s = 0; s < seeds; s++) {
            long seed = firstSeed + s;
            score(SyntheticCenter.generate(seed * 7919, TEAMS, AGENTS, DAYS,
                    rotated(SyntheticCenter.Kind.onHold(), seed)), res, Population.HOLD_PLANTED);
            score(SyntheticCenter.generate(seed * 7919 + 1, TEAMS, AGENTS, DAYS, Map.of()), res, Population.NULL);
            score(SyntheticCenter.generate(seed * 7919 + 2, TEAMS, AGENTS, DAYS,
                    rotated(SyntheticCenter.Kind.onTransferRate(), seed)), res, Population.TRANSFER_PLANTED);
            res.seeds++;
        }
        return res;
    }

    /** A ratio from the grid per kind, rotated by the seed itself (one seed is the same center in every run). */
    private static Map<SyntheticCenter.Kind, Double> rotated(List<SyntheticCenter.Kind> kinds, long seed) {
        Map<SyntheticCenter.Kind, Double> ratios = new LinkedHashMap<>();
        for (int k = 0; k < kinds.size(); k++) {
            ratios.put(kinds.get(k), GRID[(int) ((seed - 1 + k) % GRID.length)]);
        }
        return ratios;
    }

    enum Population { HOLD_PLANTED, NULL, TRANSFER_PLANTED }

    private void score(SyntheticCenter c, Result res, Population population) {
        boolean planted = population != Population.NULL;
        // (agent, behavior) -> first gap type
        Map<String, GapType> gaps = new LinkedHashMap<>();
        for (int day : LOOK_DAYS) {
            Instant now = c.start.plus(Duration.ofDays(day));
            for (Behavior b : behaviors) {
                for (String team : c.agentsByTeam.keySet()) {
                    for (Assessment a : detector.assessWithSlices(b, teamData(c, b, team, now))) {
                        if (a.gap()) {
                            gaps.putIfAbsent(a.agentId() + "|" + b.id(), a.gapType());
                        }
                    }
                }
            }
        }
        double agentWeeks = c.agentsByTeam.values().stream().mapToInt(List::size).sum() * DAYS / 7.0;
        // (agent, behavior) pairs a plant explains
        Set<String> plantedPairs = c.plants.stream()
                .flatMap(p -> p.agents().stream().map(a -> a + "|" + behaviorOf(p.kind()))).collect(Collectors.toSet());
        int falseGaps = 0;
        for (Map.Entry<String, GapType> g : gaps.entrySet()) {
            if (!plantedPairs.contains(g.getKey())) {
                falseGaps++;
                if (res.falseExamples.size() < 40) {
                    res.falseExamples.add(population.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + " population: " + g.getKey() + " " + g.getValue());
                }
            }
        }
        if (population == Population.TRANSFER_PLANTED) {
            res.falseGapsTransfer += falseGaps;
            res.agentWeeksTransfer += agentWeeks;
        } else if (planted) {
            res.falseGapsPlanted += falseGaps;
            res.agentWeeksPlanted += agentWeeks;
        }
        if (planted) {
            for (SyntheticCenter.Plant p : c.plants) {
                List<GapType> types = p.agents().stream().map(a -> gaps.get(a + "|" + behaviorOf(p.kind())))
                        .filter(java.util.Objects::nonNull).toList();
                boolean detected = p.kind().teamWide() ? types.size() >= Math.max(3, p.agents().size() / 3) : !types.isEmpty();
                GapType type = types.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                        .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
                int reasonCalls = p.reason() == null ? -1 : (int) c.calls.stream()
                        .filter(x -> p.agents().contains(x.agent()) && p.reason().equals(x.reason())).count();
                res.outcomes.add(new Outcome(p, detected, detected ? type : null, reasonCalls));
            }
        } else {
            res.falseGapsNull += falseGaps;
            res.agentWeeksNull += agentWeeks;
        }
    }

    /** The adapter the service's repository plays: one behavior's metric as observations, up to {@code now}. */
    static TeamData teamData(SyntheticCenter c, Behavior b, String team, Instant now) {
        Instant start = now.minus(b.window());
        Function<SyntheticCenter.Call, Double> metric = switch (b.metric()) {
            case "hold_seconds" -> SyntheticCenter.Call::hold;
            case "acw_seconds" -> SyntheticCenter.Call::acw;
            case "transfer_rate" -> x -> x.transferred() ? 1.0 : 0.0;
            case "repeat_rate" -> x -> x.repeat() ? 1.0 : 0.0;
            default -> throw new IllegalArgumentException(b.metric());
        };
        List<Observation> current = new ArrayList<>();
        Map<List<String>, double[]> org = new HashMap<>();
        Map<String, Map<List<String>, double[]>> orgSlices = new HashMap<>();
        Map<String, double[]> csat = new HashMap<>();
        Map<List<String>, LogRatio.Sums> cells = new HashMap<>();
        for (SyntheticCenter.Call x : c.calls) {
            if (x.at().isBefore(start) || !x.at().isBefore(now)) {
                continue;
            }
            double v = metric.apply(x);
            if (x.team().equals(team)) {
                current.add(new Observation(x.agent(), x.id(), x.at(), v, x.queue(), x.reason()));
                if (x.csat() != null) {
                    double[] s = csat.computeIfAbsent(x.agent(), k -> new double[2]);
                    s[0] += x.csat();
                    s[1]++;
                }
            } else {
                add(org, x, v);
                cells.merge(java.util.Arrays.asList(x.team(), x.reason(), x.queue()), LogRatio.Sums.of(v),
                        LogRatio.Sums::plus);
                if (x.reason() != null) {
                    add(orgSlices.computeIfAbsent("contactReason=" + x.reason(), k -> new HashMap<>()), x, v);
                }
                if (x.queue() != null) {
                    add(orgSlices.computeIfAbsent("queue=" + x.queue(), k -> new HashMap<>()), x, v);
                }
            }
        }
        Map<String, List<TeamData.AgentSummary>> bySlice = new HashMap<>();
        orgSlices.forEach((k, v) -> bySlice.put(k, summaries(v)));
        Map<String, TeamData.Satisfaction> sat = new HashMap<>();
        csat.forEach((a, s) -> sat.put(a, new TeamData.Satisfaction(s[0] / s[1], (int) s[1])));
        List<TeamData.StaffingInterval> staffing = c.staffing.stream()
                .filter(s -> s.team().equals(team) && s.end().isAfter(start) && s.start().isBefore(now))
                .map(s -> new TeamData.StaffingInterval(s.start(), s.end(), null, s.scheduled(), s.required(), null))
                .toList();
        List<TeamData.OrgCell> orgCells = cells.entrySet().stream().map(e -> new TeamData.OrgCell(e.getKey().get(0),
                e.getKey().get(1), e.getKey().get(2), e.getValue())).toList();
        return new TeamData(team, start, now, current, List.of(), summaries(org), sat, staffing, bySlice, orgCells);
    }

    private static void add(Map<List<String>, double[]> m, SyntheticCenter.Call x, double v) {
        double[] acc = m.computeIfAbsent(List.of(x.agent(), x.team()), k -> new double[2]);
        acc[0]++;
        acc[1] += v;
    }

    private static List<TeamData.AgentSummary> summaries(Map<List<String>, double[]> m) {
        return m.entrySet().stream().map(e -> new TeamData.AgentSummary(e.getKey().get(0), e.getKey().get(1),
                (int) e.getValue()[0], e.getValue()[1] / e.getValue()[0])).toList();
    }

    // ---- figures -------------------------------------------------------------------------------------------------

    record Rate(int k, int n) {
        double p() {
            return n == 0 ? Double.NaN : (double) k / n;
        }

        Stats.Interval ci() {
            return Stats.wilson(k, n);
        }

        @Override
        public String toString() {
            Stats.Interval ci = ci();
            return String.format(Locale.ROOT, "%d/%d = %.2f [%.2f, %.2f]", k, n, p(), ci.low(), ci.high());
        }
    }

    /** Per 100 agent-weeks with a 95% Poisson interval (Byar's approximation; exact 0 lower bound at 0). */
    static String per100(int count, double agentWeeks) {
        double lo = count == 0 ? 0 : count * Math.pow(1 - 1 / (9.0 * count) - Stats.Z95 / (3 * Math.sqrt(count)), 3);
        double c1 = count + 1;
        double hi = c1 * Math.pow(1 - 1 / (9.0 * c1) + Stats.Z95 / (3 * Math.sqrt(c1)), 3);
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f] (%d in %.0f agent-weeks)", 100 * count / agentWeeks,
                100 * lo / agentWeeks, 100 * hi / agentWeeks, count, agentWeeks);
    }

    static double per100Value(int count, double agentWeeks) {
        return 100 * count / agentWeeks;
    }

    /** Detection per grid ratio for one kind, or pooled over the hold-time kinds (null). */
    static Map<Double, Rate> power(Result r, SyntheticCenter.Kind kind) {
        return power(r, k -> kind == null ? !k.onTransfers() : k == kind);
    }

    /** Detection per grid ratio, pooled over the kinds {@code which} accepts. */
    static Map<Double, Rate> power(Result r, java.util.function.Predicate<SyntheticCenter.Kind> which) {
        Map<Double, Rate> out = new TreeMap<>();
        for (double g : GRID) {
            List<Outcome> at = r.outcomes.stream().filter(o -> o.plant().ratio() == g
                    && which.test(o.plant().kind())).toList();
            out.put(g, new Rate((int) at.stream().filter(Outcome::detected).count(), at.size()));
        }
        return out;
    }

    /** Smallest grid ratio from which every larger ratio also detects at least 0.9 (point estimate); NaN if none. */
    static double mde(Map<Double, Rate> power) {
        double mde = Double.NaN;
        List<Double> sizes = new ArrayList<>(power.keySet());
        for (int k = sizes.size() - 1; k >= 0; k--) {
            Rate rt = power.get(sizes.get(k));
            if (rt.n() > 0 && rt.p() >= 0.9) {
                mde = sizes.get(k);
            } else {
                break;
            }
        }
        return mde;
    }

    /** Type accuracy of the hold-time plants detected at {@code minRatio} or more. */
    static Rate typeAccuracy(Result r, double minRatio) {
        return typeAccuracy(r, minRatio, false);
    }

    static Rate typeAccuracy(Result r, double minRatio, boolean transfers) {
        List<Outcome> d = detected(r, minRatio, transfers);
        return new Rate((int) d.stream().filter(o -> o.type() == TRUTH.get(o.plant().kind())).count(), d.size());
    }

    static Rate ownerAccuracy(Result r, double minRatio) {
        return ownerAccuracy(r, minRatio, false);
    }

    static Rate ownerAccuracy(Result r, double minRatio, boolean transfers) {
        List<Outcome> d = detected(r, minRatio, transfers);
        return new Rate((int) d.stream().filter(o -> {
            Map<GapType, String> owners = OWNER.get(behaviorOf(o.plant().kind()));
            return o.type() != null && owners.get(o.type()).equals(owners.get(TRUTH.get(o.plant().kind())));
        }).count(), d.size());
    }

    private static List<Outcome> detected(Result r, double minRatio, boolean transfers) {
        return r.outcomes.stream().filter(o -> o.detected() && o.plant().ratio() >= minRatio
                && o.plant().kind().onTransfers() == transfers).toList();
    }
}
