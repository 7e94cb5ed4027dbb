package io.wem.signal.domain;

import io.wem.common.contracts.GapType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds behavior gaps for one team and one behavior and classifies their likely cause.
 *
 * <p>Statistical guard: an agent is assessed only with at least {@code minSample} observations; a gap needs the
 * confidence interval of the agent's value (Wilson for rates, Student t for means) to lie entirely on the worse side
 * of the baseline AND an effect size (Cohen's h for rates, Cohen's d against the team's spread for means) of at least
 * the behavior's threshold. The interval is 99% family-wise over the team's agents and slices (weighted Bonferroni,
 * {@link #OVERALL_SHARE}) and over every look at the data (a time-uniform confidence sequence,
 * {@link Stats#timeUniformZ}): detection re-tests a team each time signals arrive, and a fixed-sample interval tested
 * that often would cross by chance. Noise therefore does not raise gaps, and neither do tiny but significant
 * differences. Durations compared with the team use the log-scale two-part comparison of {@link LogRatio} instead of
 * the raw-scale mean (zero-inflated, heavy-tailed values).
 *
 * <p>Cause, in this order (see docs/signal.md):
 * <ol>
 * <li>team CAPACITY: the team's observations in understaffed intervals are worse than in its normally staffed ones,
 * which meet the organisation's standard; the gap names every agent who shows it in those intervals;</li>
 * <li>team-wide: when at least {@code processShare} of the team's eligible agents (and at least
 * {@code processMinAgents}) are worse than the organisation's standard, the gap belongs to the team, not to people:
 * CAPACITY if it concentrates in understaffed intervals, otherwise PROCESS; every such gap names the affected agents;</li>
 * <li>agent-specific, CAPACITY: the agent's gap shows in understaffed intervals and not in normal ones;</li>
 * <li>agent-specific, MOTIVATION: the agent met the baseline in the earlier windows and is now significantly worse
 * than their own history;</li>
 * <li>otherwise SKILL: specific to the agent and persistent (no better history to return to).</li>
 * </ol>
 */
public final class GapDetector {

    /**
     * @param minShortfall graded staffing: an interval counts as understaffed from this shortfall
     *                     (required - scheduled) / required, so constant mild understaffing is the normal state
     */
    public record Settings(double processShare, int processMinAgents, double highOccupancy, double minShortfall) {
        public Settings(double processShare, int processMinAgents, double highOccupancy) {
            this(processShare, processMinAgents, highOccupancy, DEFAULT_MIN_SHORTFALL);
        }

        public static Settings defaults() {
            return new Settings(0.4, 3, DEFAULT_HIGH_OCCUPANCY, DEFAULT_MIN_SHORTFALL);
        }
    }

    static final double DEFAULT_MIN_SHORTFALL = 0.15;
    /**
     * Saturation, not a busy hour: many centres plan for 85-90% occupancy and run there every day, and counting
     * those hours as understaffed diluted the truly short ones (DetectionSemanticsTest.oneAgentShortOfASmallQueue...).
     */
    static final double DEFAULT_HIGH_OCCUPANCY = 0.95;

    /** Result of comparing a sample with a reference value. */
    record Test(double observed, Stats.Interval ci, double effect, int n, boolean worse, boolean flagged) {
    }

    /** Family-wise error rate of one team's assessment (all agents of the team, at every look). */
    static final double ALPHA = 0.01;

    /**
     * Critical values of one family of tests that hold over every look at the data: a time-uniform confidence
     * sequence at error {@code alpha}, tightest at {@code tightestAt} observations.
     */
    record Looks(double alpha, int tightestAt) {
        static Looks of(Behavior b, int family) {
            return of(b, ALPHA / Math.max(1, family));
        }

        static Looks of(Behavior b, double alpha) {
            // Tightest a few times past the minimum sample: where most decisions on a streaming week are made.
            return new Looks(alpha, Math.max(20, 4 * b.minSample()));
        }

        /**
         * A gap is only ever raised on the worse side, so each test spends its error on one side: the two-sided
         * boundary at 2 alpha is the one-sided boundary at alpha.
         */
        double z(int n) {
            return Stats.timeUniformZ(Math.min(0.5, 2 * alpha), n, tightestAt);
        }
    }

    /**
     * How {@link #ALPHA} is shared by one team's tests of one behavior (weighted Bonferroni: the shares sum to at
     * most 1, each is split evenly over the eligible agents). The whole-window comparison is the primary question and
     * gets half; the recent-drop scan a quarter; the slices share the last quarter. Without slices the whole-window
     * test keeps three quarters. Fixed before looking at any calibration figure, not tuned.
     */
    static final double OVERALL_SHARE = 0.5;
    static final double DROP_SHARE = 0.25;
    static final double SLICES_SHARE = 0.25;

    private final Settings settings;

    public GapDetector(Settings settings) {
        this.settings = settings;
    }

    public List<Assessment> assess(Behavior b, TeamData data) {
        return assess(b, data, 1);
    }

    /**
     * @param slices how many slices of the same behavior are assessed for this team (one per contact reason for a
     *               per-reason behavior): each is another chance for noise to pass, so the family-wise error rate is
     *               held over agents × slices
     */
    public List<Assessment> assess(Behavior b, TeamData data, int slices) {
        double share = 1.0 / Math.max(1, slices);
        return assess(b, data, share, share);
    }

    /** The slice dimensions the signals carry (channel is not on observations). */
    static final List<String> SLICE_DIMENSIONS = List.of("contactReason", "queue");

    /**
     * Every behavior on its meaningful slices as well as overall, inside ONE family-wise error budget: the agents ×
     * (overall + the recent-drop scan + every slice) tests of this team share {@link #ALPHA}. A slice is a contact
     * reason or queue value (one the behavior does not already fix) with at least {@code minSample} of the team's
     * observations; a dimension with a single value adds nothing and is skipped. Per agent, the overall gap wins (the
     * gap is not specific to a slice and carries no slice label); otherwise the slice gap with the largest effect,
     * labelled with its slice. An agent is clear only when clear overall and not unclear in any slice.
     */
    public List<Assessment> assessWithSlices(Behavior b, TeamData data) {
        List<TeamData.Slice> slices = slices(b, data);
        double overall = slices.isEmpty() ? OVERALL_SHARE + SLICES_SHARE : OVERALL_SHARE;
        Map<String, Assessment> byAgent = new LinkedHashMap<>();
        Set<String> fromSlice = new java.util.HashSet<>();
        for (Assessment a : assess(b, data, overall, DROP_SHARE)) {
            byAgent.put(a.agentId(), a);
        }
        for (TeamData.Slice s : slices) {
            Behavior slice = b.withFilter(s.dimension(), s.value());
            for (Assessment a : assess(slice, data.slice(s), SLICES_SHARE / slices.size(), 0)) {
                Assessment current = byAgent.get(a.agentId());
                if (a.gap() && (current == null || !current.gap()
                        || fromSlice.contains(a.agentId()) && a.effectSize() > current.effectSize()
                        || !fromSlice.contains(a.agentId()) && onlyThere(b, data, s, a.agentId(), current))) {
                    byAgent.put(a.agentId(), a);
                    fromSlice.add(a.agentId());
                } else if (current != null && !current.gap() && current.clear() && !a.clear() && a.sampleSize() > 0
                        && a.effectSize() >= b.minEffectSize() / 2) {
                    // not clear in this slice: do not resolve an open gap yet
                    byAgent.put(a.agentId(), current.withClear(false));
                }
            }
        }
        return new ArrayList<>(byAgent.values());
    }

    /**
     * An overall gap that lives in one slice: the agent's observations outside the slice are not worse than the
     * baseline (effect below half the threshold). Then the slice is the evidence and labels the gap.
     */
    private static boolean onlyThere(Behavior b, TeamData data, TeamData.Slice s, String agent, Assessment overall) {
        if (overall.gapType() != GapType.SKILL && overall.gapType() != GapType.MOTIVATION
                || Double.isNaN(overall.baseline())) {
            return false;
        }
        List<Observation> restObs = data.current().stream().filter(o -> o.agentId().equals(agent) && !s.contains(o))
                .toList();
        if (restObs.size() < b.minSample()) {
            return false;
        }
        if (logScale(b, data)) {
            // Durations: outside the slice the agent is compared with the team outside the slice, as the test does.
            List<Observation> teamRest = data.current().stream()
                    .filter(o -> !o.agentId().equals(agent) && !s.contains(o)).toList();
            LogRatio.Result r = LogRatio.of(restObs, teamRest);
            return r != null && b.direction().sign() * r.effect() < b.minEffectSize() / 2;
        }
        List<Double> rest = values(restObs);
        boolean rate = b.metricDef() != null && b.metricDef().type() == Metrics.Type.RATE;
        return effect(Stats.mean(rest), overall.baseline(), rate, b, Stats.sd(values(data.current())))
                < b.minEffectSize() / 2;
    }

    static List<TeamData.Slice> slices(Behavior b, TeamData data) {
        List<TeamData.Slice> out = new ArrayList<>();
        for (String dim : SLICE_DIMENSIONS) {
            if (b.filters() != null && b.filters().containsKey(dim) && !Behavior.EACH.equals(b.filters().get(dim))) {
                continue;
            }
            Map<String, Long> counts = data.current().stream()
                    .map(o -> dim.equals("queue") ? o.queue() : o.contactReason())
                    .filter(java.util.Objects::nonNull)
                    .collect(Collectors.groupingBy(v -> v, java.util.TreeMap::new, Collectors.counting()));
            if (counts.size() < 2) {
                continue;
            }
            counts.forEach((v, n) -> {
                if (n >= b.minSample()) {
                    out.add(new TeamData.Slice(dim, v));
                }
            });
        }
        return out;
    }

    /**
     * @param share     this test's share of {@link #ALPHA} (split over the eligible agents)
     * @param dropShare the recent-drop scan's share; 0: no scan
     */
    private List<Assessment> assess(Behavior b, TeamData data, double share, double dropShare) {
        boolean scanDrops = dropShare > 0;
        Metrics.Metric metric = b.metricDef();
        if (metric == null) {
            return List.of();
        }
        boolean rate = metric.type() == Metrics.Type.RATE;
        Map<String, List<Observation>> byAgent = group(data.current());
        Map<String, List<Observation>> historyByAgent = group(data.history());
        int peerMin = Math.max(3, b.minSample() / 2);
        Map<String, Double> agentMeans = new HashMap<>();
        byAgent.forEach((a, obs) -> {
            if (obs.size() >= peerMin) {
                agentMeans.put(a, Stats.mean(values(obs)));
            }
        });
        double teamSd = referenceSd(b, byAgent, agentMeans, data.current());
        List<String> eligible = byAgent.entrySet().stream().filter(e -> e.getValue().size() >= b.minSample())
                .map(Map.Entry::getKey).sorted().toList();
        Looks looks = Looks.of(b, ALPHA * share / Math.max(1, eligible.size()));
        Looks dropLooks = Looks.of(b, ALPHA * dropShare / Math.max(1, eligible.size()));
        Function<Observation, String> strata = logScale(b, data) ? strata(data) : null;

        // The organisation's standard: an explicit target, else the other teams' level: for a rate their pooled
        // rate, otherwise their median agent.
        Double standard = b.target();
        String standardKind = b.comparison() == Behavior.Comparison.ABSOLUTE ? "ABSOLUTE" : "ORG_STANDARD";
        if (standard == null) {
            List<TeamData.AgentSummary> peers = data.otherAgents().stream().filter(s -> s.n() >= peerMin).toList();
            if (peers.size() >= 3) {
                standard = rate ? orgRate(peers) : Stats.median(peers.stream().map(TeamData.AgentSummary::mean).toList());
                standardKind = "ORG_MEDIAN";
            }
        }

        Map<String, Assessment> out = new LinkedHashMap<>();

        // Durations against the other teams: the same log-scale comparison as within the team, on the agent's reason
        // mix, against the organisation's pooled calls (read as sums); the median agent's raw mean is a poor reference
        // for zero-inflated, heavy-tailed values.
        Map<String, LogRatio.Sums> org = "ORG_MEDIAN".equals(standardKind) && strata != null
                ? data.orgByReason() : Map.of();

        // 1. Team CAPACITY: the team is worse in its understaffed intervals than in its normally staffed ones.
        for (Assessment a : teamCapacity(b, data, byAgent, eligible, standard, org, strata != null, rate, teamSd,
                share)) {
            out.put(a.agentId(), a);
        }

        // 2. Team-wide gaps (PROCESS / team CAPACITY) against the organisation's standard.
        Set<String> shared = new LinkedHashSet<>();
        Map<String, Test> vsStandard = new HashMap<>();
        Map<String, Double> standardFor = new HashMap<>();
        if (standard != null) {
            for (String a : eligible) {
                List<Double> own = values(byAgent.get(a));
                Test t;
                // Only the agent's calls on reasons the other teams also handle: another team's reasons are other
                // work, and a team's own mix of slow reasons is not a process gap.
                List<Observation> comparable = comparable(byAgent.get(a), org);
                LogRatio.Result lr = comparable.size() < b.minSample() ? null
                        : LogRatio.of(comparable, org, LogRatio::reason);
                if (lr != null) {
                    t = test(lr, Stats.mean(values(comparable)), b, looks);
                    standardFor.put(a, lr.expected());
                } else {
                    t = test(own, standard, rate, b, teamSd, looks.z(own.size()));
                    standardFor.put(a, standard);
                }
                vsStandard.put(a, t);
                if (t.flagged() && guardPasses(b, a, data) && !out.containsKey(a)) {
                    shared.add(a);
                }
            }
        }
        boolean teamWide = eligible.size() >= settings.processMinAgents() && shared.size() >= settings.processMinAgents()
                && shared.size() >= settings.processShare() * eligible.size();
        if (teamWide) {
            List<Observation> pooled = data.current().stream().filter(o -> shared.contains(o.agentId())).toList();
            CapacitySplit split = capacitySplit(pooled, standard, rate, b, teamSd, data, Stats.Z95);
            boolean capacity = split.concentrated;
            List<String> affected = List.copyOf(shared);
            String many = String.format(Locale.ROOT, "%d of %d agents (%.0f%%)", shared.size(), eligible.size(),
                    100.0 * shared.size() / eligible.size());
            for (String a : shared) {
                Test t = vsStandard.get(a);
                // What the agent was compared with: on the log scale the other teams' calls of the same reasons
                String ref = standardFor.get(a).equals(standard) ? refName(standardKind)
                        : "other teams' calls of the same contact reasons";
                double refValue = standardFor.get(a);
                String why = capacity
                        ? String.format(Locale.ROOT, "%s of team %s show this gap against the %s, and it concentrates "
                                + "in understaffed intervals (%s there vs %s in normally staffed ones): a staffing "
                                + "problem for workforce planning, not an individual one.", many, data.teamId(),
                        ref, fmt(split.understaffedValue, b), fmt(split.normalValue, b))
                        : String.format(Locale.ROOT, "%s of team %s show the same gap against the %s (%s): when this "
                                + "many people share it, the cause is the process, tools or guidance they share, so "
                                + "it goes to the process owner as one fix instead of %d individual coachings.",
                        many, data.teamId(), ref, fmt(refValue, b), shared.size());
                out.put(a, gap(a, b, byAgent.get(a), t, standardFor.get(a), standardKind,
                        capacity ? GapType.CAPACITY : GapType.PROCESS, why, affected));
            }
        }

        // 3. Agent-specific gaps against the behavior's own comparison.
        for (String a : eligible) {
            if (out.containsKey(a)) {
                continue;
            }
            List<Observation> obs = byAgent.get(a);
            List<Observation> hist = historyByAgent.getOrDefault(a, List.of());
            Double baseline = baseline(b, a, agentMeans, hist);
            double z = looks.z(obs.size());
            List<Observation> teamRef = strata != null ? others(data, a) : null;
            Test t;
            if (teamRef != null) {
                // Durations: the two-part log-scale comparison with the rest of the team on the agent's reason mix
                // (LogRatio). It is itself a two-sample test, so no separate check against the peers is needed.
                LogRatio.Result lr = LogRatio.of(obs, teamRef, strata);
                t = lr == null ? null : test(lr, Stats.mean(values(obs)), b, looks);
                baseline = lr == null ? baseline : Double.valueOf(lr.expected());
            } else {
                t = baseline == null ? null : test(values(obs), baseline, rate, b, teamSd, z);
            }
            if (teamRef == null && t != null && t.flagged()) {
                // The baseline is itself estimated from peers (or history): also require the agent to differ from
                // that reference sample (two-sample interval), so peers' sampling noise is not mistaken for a gap.
                List<Double> ref = b.comparison() == Behavior.Comparison.AGENT_HISTORY ? values(hist)
                        : b.comparison() == Behavior.Comparison.ABSOLUTE ? null
                        : data.current().stream().filter(o -> !o.agentId().equals(a)).map(Observation::value).toList();
                if (ref != null && !differs(values(obs), ref, rate, b, z)) {
                    t = new Test(t.observed(), t.ci(), t.effect(), t.n(), false, false);
                }
            }
            if (t != null && t.flagged() && guardPasses(b, a, data)) {
                out.put(a, classifyAgentGap(b, data, a, obs, hist, baseline, teamRef, strata, t, rate, teamSd,
                        agentMeans, looks));
                continue;
            }
            Assessment drop = scanDrops && baseline != null && b.comparison() != Behavior.Comparison.AGENT_HISTORY
                    && guardPasses(b, a, data) ? recentDrop(b, a, obs, hist, baseline, teamRef, strata, rate, teamSd, dropLooks)
                    : null;
            if (drop != null) {
                out.put(a, drop);
            } else {
                Test s = vsStandard.get(a);
                boolean clear = (t == null || t.effect() < b.minEffectSize() / 2)
                        && (s == null || s.effect() < b.minEffectSize() / 2);
                double observed = Stats.mean(values(obs));
                out.put(a, new Assessment(a, false, clear && (t != null || s != null), null, observed,
                        baseline == null ? Double.NaN : baseline, b.comparison().name(),
                        t == null ? 0 : t.effect(), obs.size(), t == null ? Double.NaN : t.ci().low(),
                        t == null ? Double.NaN : t.ci().high(), List.of(), null, List.of(), queueLabel(obs, b),
                        b.filter("contactReason")));
            }
        }
        return new ArrayList<>(out.values());
    }

    private Assessment classifyAgentGap(Behavior b, TeamData data, String agent, List<Observation> obs,
                                        List<Observation> hist, double baseline, List<Observation> teamRef,
                                        Function<Observation, String> strata, Test t,
                                        boolean rate, double teamSd, Map<String, Double> agentMeans, Looks looks) {
        // Classification runs only once a gap is established, so its tests use plain 95% (no multiplicity).
        CapacitySplit split = capacitySplit(obs, baseline, rate, b, teamSd, data, Stats.Z95);
        String kind = b.comparison().name();
        if (split.concentrated) {
            String why = String.format(Locale.ROOT, "The gap appears in understaffed intervals (%s over %d "
                            + "observations) but not in normally staffed ones (%s over %d): it moves with capacity, "
                            + "so it goes to workforce planning rather than to the agent.",
                    fmt(split.understaffedValue, b), split.understaffedN, fmt(split.normalValue, b), split.normalN);
            return gap(agent, b, obs, t, baseline, kind, GapType.CAPACITY, why, List.of());
        }
        if (b.comparison() != Behavior.Comparison.AGENT_HISTORY) {
            Motivation m = motivation(b, obs, hist, baseline, teamRef, strata, rate, teamSd, CLASSIFY_ALPHA);
            if (m != null) {
                return gap(agent, b, obs, t, baseline, kind, GapType.MOTIVATION, m.why, List.of());
            }
        }
        if (hist.size() >= b.minSample()) {
            List<Double> hv = values(hist);
            double histValue = Stats.mean(hv);
            // For AGENT_HISTORY the baseline is the history itself; otherwise the agent must have met the baseline.
            Double reference = b.comparison() == Behavior.Comparison.AGENT_HISTORY
                    ? agentMeans.entrySet().stream().filter(e -> !e.getKey().equals(agent))
                    .map(Map.Entry::getValue).collect(Collectors.collectingAndThen(Collectors.toList(),
                            l -> l.isEmpty() ? null : Stats.median(l)))
                    : Double.valueOf(baseline);
            // "Met the standard": the earlier period was not itself a gap against the same reference.
            boolean metBefore = reference == null || !test(hv, reference, rate, b, teamSd, looks.z(hv.size())).flagged();
            Stats.Interval diff = rate
                    ? Stats.newcombeDifference(sum(values(obs)), obs.size(), sum(hv), hv.size(), Stats.Z95)
                    : Stats.welchDifference(values(obs), hv, Stats.Z95);
            boolean declined = b.direction().sign() > 0 ? diff.low() > 0 : diff.high() < 0;
            double declineEffect = effect(Stats.mean(values(obs)), histValue, rate, b, teamSd);
            if (metBefore && declined && declineEffect >= b.minEffectSize()) {
                String why = String.format(Locale.ROOT, "The agent met the standard before (%s over %d observations "
                                + "in the previous period) and has declined against their own history to %s: the skill "
                                + "is there, so talk about engagement and circumstances before training.",
                        fmt(histValue, b), hist.size(), fmt(t.observed(), b));
                return gap(agent, b, obs, t, baseline, kind, GapType.MOTIVATION, why, List.of());
            }
            String why = String.format(Locale.ROOT, "Specific to this agent (the team is not affected) and persistent: "
                            + "%s now and %s in the previous period against a baseline of %s, so it is a skill to "
                            + "build through coaching with the example interactions.", fmt(t.observed(), b),
                    fmt(histValue, b), fmt(baseline, b));
            return gap(agent, b, obs, t, baseline, kind, GapType.SKILL, why, List.of());
        }
        GapType fallback = b.gapTypeHints() == null ? GapType.SKILL : b.gapTypeHints().stream()
                .filter(g -> g == GapType.SKILL || g == GapType.MOTIVATION).findFirst().orElse(GapType.SKILL);
        String why = String.format(Locale.ROOT, "Specific to this agent (the team is not affected) with %s against a "
                        + "baseline of %s over %d observations, outside understaffed intervals; there is no earlier "
                        + "period to compare with, so it is treated as a %s gap.", fmt(t.observed(), b),
                fmt(baseline, b), obs.size(), fallback.name().toLowerCase(Locale.ROOT));
        return gap(agent, b, obs, t, baseline, kind, fallback, why, List.of());
    }

    /** Classification runs once a gap is established: plain 95% for the change-point scan. */
    static final double CLASSIFY_ALPHA = 0.05;

    record Motivation(ChangePoint.Drop drop, String why) {
    }

    /**
     * The agent's own series (history and current window) has a significant drop: the best day boundary splits it
     * into an earlier part that met the reference (effect below half the threshold) and a later part worse by at
     * least the threshold, the decline's interval (corrected for the scanned boundaries, at {@code alpha}) excluding
     * zero. This needs no earlier 30-day windows: a decline inside the current window is found too.
     */
    Motivation motivation(Behavior b, List<Observation> obs, List<Observation> hist, double reference, boolean rate,
                          double teamSd, double alpha) {
        return motivation(b, obs, hist, reference, null, null, rate, teamSd, alpha);
    }

    /**
     * @param teamRef the rest of the team's observations when the metric is compared on the log scale (durations),
     *                else null: then the drop, "met before" and "worse after" are all read as {@link LogRatio}s
     */
    Motivation motivation(Behavior b, List<Observation> obs, List<Observation> hist, double reference,
                          List<Observation> teamRef, Function<Observation, String> strata, boolean rate,
                          double teamSd, double alpha) {
        List<Observation> series = new ArrayList<>(hist);
        series.addAll(obs);
        int minSeg = Math.max(5, b.minSample() / 2);
        int sign = b.direction().sign();
        // Durations: the boundary where the later part is most significantly longer than the earlier one, read with
        // the same log-scale statistic as the test (a log(1 + x) or raw scan is drowned by the zeros and long tails).
        ChangePoint.Drop d = teamRef == null ? ChangePoint.find(series, sign, minSeg, alpha)
                : ChangePoint.find(series, (early, late) -> {
                    LogRatio.Result r = LogRatio.of(late, early, strata);
                    return r == null ? Double.NEGATIVE_INFINITY : sign * r.strongestZ(sign);
                }, minSeg, alpha);
        if (d == null) {
            return null;
        }
        boolean declined;
        boolean metBefore;
        boolean worseAfter;
        double declineEffect;
        double before = Stats.mean(values(d.beforeObs()));
        double after = Stats.mean(values(d.afterObs()));
        Stats.Interval change;
        if (teamRef != null) {
            LogRatio.Result drop = LogRatio.of(d.afterObs(), d.beforeObs(), strata);
            LogRatio.Result was = LogRatio.of(d.beforeObs(), teamRef, strata);
            LogRatio.Result now = LogRatio.of(d.afterObs(), teamRef, strata);
            if (drop == null || was == null || now == null) {
                return null;
            }
            // The boundary was chosen among d.candidates() days: the drop's interval pays for that scan.
            double zDrop = Stats.normalQuantile(1 - alpha / (2.0 * d.candidates() * LogRatio.TESTS));
            Stats.Interval ti = drop.thetaInterval(zDrop);
            declined = drop.worse(sign, zDrop);
            metBefore = sign * was.effect() < b.minEffectSize() / 2;
            worseAfter = sign * now.effect() >= b.minEffectSize() / 2;
            declineEffect = sign * drop.effect();
            change = new Stats.Interval(before * (Math.exp(ti.low()) - 1), before * (Math.exp(ti.high()) - 1));
        } else {
            declined = sign > 0 ? d.decline().low() > 0 : d.decline().high() < 0;
            double sd = teamSd == 0 ? Stats.sd(values(series)) : teamSd;
            metBefore = effect(before, reference, rate, b, sd) < b.minEffectSize() / 2;
            worseAfter = effect(after, reference, rate, b, sd) >= b.minEffectSize() / 2;
            declineEffect = effect(after, before, rate, b, sd);
            change = d.decline();
        }
        if (!declined || !metBefore || !worseAfter || declineEffect < b.minEffectSize()) {
            return null;
        }
        String why = String.format(Locale.ROOT, "The agent met the standard before (%s over %d observations until %s) "
                        + "and dropped from %s against their own history to %s over %d observations (change %s to %s, "
                        + "interval corrected for %d candidate days): the skill is there, so talk about engagement "
                        + "and circumstances before training.", fmt(before, b), d.beforeN(),
                d.at().toString().substring(0, 10), d.at().toString().substring(0, 10), fmt(after, b), d.afterN(),
                fmtDelta(change.low(), b), fmtDelta(change.high(), b), d.candidates());
        return new Motivation(d, why);
    }

    /**
     * An agent not flagged on the whole window whose recent series dropped: the later part alone is a gap against
     * the baseline at the family's time-uniform level, further corrected for the scanned boundaries.
     */
    private Assessment recentDrop(Behavior b, String agent, List<Observation> obs, List<Observation> hist,
                                  double baseline, List<Observation> teamRef, Function<Observation, String> strata,
                                  boolean rate, double teamSd, Looks looks) {
        Motivation m = motivation(b, obs, hist, baseline, teamRef, strata, rate, teamSd, looks.alpha());
        if (m == null) {
            return null;
        }
        List<Observation> after = m.drop().afterObs().stream().filter(o -> !o.at().isBefore(obsStart(obs))).toList();
        if (after.size() < b.minSample()) {
            return null;
        }
        Looks scanned = new Looks(looks.alpha() / m.drop().candidates(), looks.tightestAt());
        double z = scanned.z(after.size());
        LogRatio.Result lr = teamRef == null ? null : LogRatio.of(after, teamRef, strata);
        if (teamRef != null && lr == null) {
            return null;
        }
        Test t = lr != null ? test(lr, Stats.mean(values(after)), b, scanned)
                : test(values(after), baseline, rate, b, teamSd, z);
        // The size that must be worth someone's time here is the drop from the agent's own level (motivation()
        // requires it to reach the threshold); against the team the later part must be significantly worse and by
        // at least half the threshold, as for "not yet clear" elsewhere.
        if (!t.worse() || t.effect() < b.minEffectSize() / 2) {
            return null;
        }
        if (lr != null) {
            baseline = lr.expected();
        }
        return gap(agent, b, after, t, baseline, b.comparison().name(), GapType.MOTIVATION, m.why(), List.of());
    }

    private static Instant obsStart(List<Observation> obs) {
        return obs.stream().map(Observation::at).min(Instant::compareTo).orElse(Instant.MIN);
    }

    /**
     * Resolution with hysteresis: an open gap resolves only on evidence that it is over, not on one noisy re-test.
     * The agent's observations since the gap's evidence ended must reach the behavior's minimum sample, and the WORSE
     * end of their 95% interval must be back within half the effect threshold of the gap's
     * baseline. A CAPACITY gap is judged on what it was about, over at least a day of new data: its observations in
     * understaffed intervals since then (or, when no interval has been understaffed since, that the shortfall itself
     * is over for that span).
     *
     * @param openType    the open gap's type
     * @param openBaseline the open gap's baseline
     * @param evidenceEnd the end of the data the open gap rested on
     * @return why it is over, or null while it is not shown to be over
     */
    public String resolution(Behavior b, TeamData data, String agent, GapType openType, double openBaseline,
                             Instant evidenceEnd, Assessment now) {
        if (now != null && now.gap()) {
            return null;
        }
        List<Observation> since = data.current().stream()
                .filter(o -> o.agentId().equals(agent) && !o.at().isBefore(evidenceEnd)).toList();
        Instant last = since.stream().map(Observation::at).max(Instant::compareTo).orElse(evidenceEnd);
        if (since.size() < b.minSample()) {
            return null;
        }
        boolean rate = b.metricDef() != null && b.metricDef().type() == Metrics.Type.RATE;
        double teamSd = Stats.sd(values(data.current()));
        List<Observation> judged = since;
        if (openType == GapType.CAPACITY) {
            Predicate<Observation> inUnder = understaffedIntervals(data);
            List<Observation> under = inUnder == null ? List.of() : since.stream().filter(inUnder).toList();
            if (java.time.Duration.between(evidenceEnd, last).compareTo(minClearSpan(b)) < 0) {
                return null; // staffing is about hours of the day: one morning's data does not show it is over
            }
            if (under.size() < Math.max(5, b.minSample() / 2)) {
                return under.isEmpty() ? String.format(Locale.ROOT, "no understaffed interval for %d observations "
                        + "since the gap: the shortfall it rested on is over", since.size()) : null;
            }
            judged = under;
        } else if (now == null || !now.clear()) {
            return null;
        }
        Test t = test(values(judged), openBaseline, rate, b, teamSd, Stats.Z95);
        double worstEnd = b.direction().sign() > 0 ? t.ci().high() : t.ci().low();
        if (effect(worstEnd, openBaseline, rate, b, teamSd == 0 ? Stats.sd(values(judged)) : teamSd)
                >= b.minEffectSize() / 2) {
            return null;
        }
        return String.format(Locale.ROOT, "over: %d observations since the gap (%s, 95%% interval %s to %s) are back "
                        + "within half the effect threshold of the baseline %s", judged.size(), fmt(t.observed(), b),
                fmt(t.ci().low(), b), fmt(t.ci().high(), b), fmt(openBaseline, b));
    }

    /** Shortest span of new data on which a CAPACITY gap can be shown to be over: a day, at most the window. */
    static java.time.Duration minClearSpan(Behavior b) {
        java.time.Duration day = java.time.Duration.ofHours(24);
        return b.window().compareTo(day) < 0 ? b.window() : day;
    }

    /**
     * Team CAPACITY read from the staffing itself: the team's observations in understaffed intervals are worse than
     * its observations in normally staffed intervals (99%, effect at least the behavior's threshold), and the normal
     * intervals meet the organisation's standard (else the team has a process gap that staffing only sharpens). This
     * runs before any whole-window comparison because an afternoon problem is diluted in an agent's whole-window
     * figure: four bad hours of eight rarely move the agent past the threshold, while the hours themselves do.
     * The gap names every agent whose own understaffed-interval observations are worse than the team's normal ones.
     */
    private List<Assessment> teamCapacity(Behavior b, TeamData data, Map<String, List<Observation>> byAgent,
                                          List<String> eligible, Double standard, Map<String, LogRatio.Sums> org,
                                          boolean logScale, boolean rate, double teamSd, double share) {
        Predicate<Observation> inUnder = understaffedIntervals(data);
        if (inUnder == null || eligible.size() < settings.processMinAgents()) {
            return List.of();
        }
        // One pass over the team's observations: the interval lookup is the costly part of this check.
        Map<Boolean, List<Observation>> split = eligible.stream().flatMap(a -> byAgent.get(a).stream())
                .collect(Collectors.partitioningBy(inUnder));
        List<Double> under = values(split.get(true));
        List<Double> normal = values(split.get(false));
        if (under.size() < b.minSample() || normal.size() < b.minSample()) {
            return List.of();
        }
        Looks team = Looks.of(b, ALPHA * share);
        double zTeam = team.z(under.size());
        double normalValue = Stats.mean(normal);
        List<Observation> normalObs = split.get(false);
        if (logScale) {
            // Durations: the team's understaffed calls against its own normally staffed calls of the same reasons.
            LogRatio.Result lr = LogRatio.of(split.get(true), normalObs, LogRatio::reason);
            if (lr == null || !test(lr, Stats.mean(under), b, team).flagged()) {
                return List.of();
            }
            List<Observation> comparable = comparable(normalObs, org);
            LogRatio.Result vsOrg = comparable.size() < b.minSample() ? null
                    : LogRatio.of(comparable, org, LogRatio::reason);
            if (vsOrg != null ? b.direction().sign() * vsOrg.effect() >= b.minEffectSize() / 2
                    : standard != null
                    && test(normal, standard, rate, b, teamSd, Stats.Z95).effect() >= b.minEffectSize() / 2) {
                return List.of();
            }
        } else {
            if (!test(under, normalValue, rate, b, teamSd, zTeam).flagged()
                    || !differs(under, normal, rate, b, zTeam)) {
                return List.of();
            }
            if (standard != null
                    && test(normal, standard, rate, b, teamSd, Stats.Z95).effect() >= b.minEffectSize() / 2) {
                return List.of();
            }
        }
        int minPart = Math.max(5, b.minSample() / 2);
        Looks members = Looks.of(b, ALPHA * share / eligible.size());
        Map<String, List<Observation>> underByAgent = group(split.get(true));
        Map<String, List<Observation>> normalByAgent = group(normalObs);
        Map<String, Test> stretched = new LinkedHashMap<>();
        for (String a : eligible) {
            List<Observation> own = underByAgent.getOrDefault(a, List.of());
            if (own.size() < minPart) {
                continue;
            }
            // Naming an agent gives that agent a gap: each naming holds the team's error split over its agents, as
            // an agent's own gap does (at plain 95% a noisy slice named a twelfth of the team by chance).
            Test t;
            if (logScale) {
                LogRatio.Result lr = LogRatio.of(own, normalObs, LogRatio::reason);
                t = lr == null ? null : test(lr, Stats.mean(values(own)), b, members);
            } else {
                t = test(values(own), normalValue, rate, b, teamSd, members.z(own.size()));
            }
            if (t != null && t.worse() && t.effect() >= b.minEffectSize() && guardPasses(b, a, data)
                    && !ownGapInNormalHours(b, a, normalByAgent, normalObs, logScale, rate, teamSd)) {
                stretched.put(a, t);
            }
        }
        if (stretched.size() < settings.processMinAgents()) {
            return List.of();
        }
        List<String> affected = List.copyOf(stretched.keySet());
        List<Assessment> gaps = new ArrayList<>();
        stretched.forEach((a, t) -> {
            String why = String.format(Locale.ROOT, "Team %s is worse in its understaffed intervals (%s over %d "
                            + "observations) than in its normally staffed ones (%s over %d), and %d of its %d agents "
                            + "show it (this agent: %s in understaffed intervals): it moves with staffing, so it goes "
                            + "to workforce planning as one fix, not to the agents.", data.teamId(),
                    fmt(Stats.mean(under), b), under.size(), fmt(normalValue, b), normal.size(), affected.size(),
                    eligible.size(), fmt(t.observed(), b));
            gaps.add(gap(a, b, underByAgent.get(a), t, normalValue, TEAM_NORMAL_INTERVALS, GapType.CAPACITY, why,
                    affected));
        });
        return gaps;
    }

    /**
     * An agent with a gap of their own in normally staffed hours (against the rest of the team's normal hours, 95%,
     * effect at least the threshold) is not just stretched by staffing: their gap is classified on its own (SKILL,
     * MOTIVATION...), not folded into the team's CAPACITY finding.
     */
    private static boolean ownGapInNormalHours(Behavior b, String agent, Map<String, List<Observation>> normalByAgent,
                                               List<Observation> normalObs, boolean logScale, boolean rate,
                                               double teamSd) {
        List<Observation> own = normalByAgent.getOrDefault(agent, List.of());
        if (own.size() < Math.max(5, b.minSample() / 2)) {
            return false;
        }
        List<Observation> rest = normalObs.stream().filter(o -> !o.agentId().equals(agent)).toList();
        if (logScale) {
            LogRatio.Result lr = LogRatio.of(own, rest, LogRatio::reason);
            if (lr == null) {
                return false;
            }
            Test t = test(lr, Stats.mean(values(own)), b, Stats.Z95);
            return t.worse() && t.effect() >= b.minEffectSize();
        }
        return differs(values(own), values(rest), rate, b, Stats.Z95)
                && effect(Stats.mean(values(own)), Stats.mean(values(rest)), rate, b, teamSd) >= b.minEffectSize();
    }

    /** The observations of reasons the organisation's other teams also handle (enough of them for a level). */
    static List<Observation> comparable(List<Observation> obs, Map<String, LogRatio.Sums> org) {
        if (org.isEmpty()) {
            return List.of();
        }
        return obs.stream().filter(o -> org.getOrDefault(LogRatio.reason(o), LogRatio.Sums.EMPTY).n()
                >= LogRatio.MIN_REASON_REF).toList();
    }

    /**
     * The other teams' pooled rate. Not the median agent's rate: on a slice (one contact reason of another team) an
     * agent has a few dozen calls, and the median of small-sample proportions of a rare event sits far below the
     * rate itself (a median agent with 2 transfers in 60 calls against a true 9%), which raised team-wide gaps on
     * teams at the organisation's own rate.
     */
    static double orgRate(List<TeamData.AgentSummary> peers) {
        double events = 0;
        double n = 0;
        for (TeamData.AgentSummary s : peers) {
            events += s.mean() * s.n();
            n += s.n();
        }
        return events / n;
    }

    /** Baseline kind of team CAPACITY gaps: the team's own observations in normally staffed intervals. */
    static final String TEAM_NORMAL_INTERVALS = "TEAM_NORMAL_INTERVALS";

    /** Observations made in one of the team's understaffed intervals; null when the team had none. */
    private Predicate<Observation> understaffedIntervals(TeamData data) {
        List<TeamData.StaffingInterval> under = data.staffing().stream()
                .filter(s -> s.understaffed(settings.minShortfall(), settings.highOccupancy())).toList();
        return under.isEmpty() ? null : o -> under.stream().anyMatch(s -> s.covers(o.at(), o.queue()));
    }

    /**
     * The queue label: the behavior's (or slice's) queue when that is the evidence; otherwise the queue only when the
     * agent works (nearly) only there — a fact about the agent for routing, not a claim about the gap.
     */
    static String queueLabel(List<Observation> obs, Behavior b) {
        if (b.filter("queue") != null) {
            return b.filter("queue");
        }
        Map<String, Long> counts = obs.stream().filter(o -> o.queue() != null)
                .collect(Collectors.groupingBy(Observation::queue, Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getValue() >= 0.9 * obs.size()).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    record CapacitySplit(boolean concentrated, double understaffedValue, int understaffedN, double normalValue,
                         int normalN) {
    }

    /** Does the gap concentrate in understaffed intervals (gap there, none in normal intervals)? */
    private CapacitySplit capacitySplit(List<Observation> obs, double reference, boolean rate, Behavior b,
                                        double teamSd, TeamData data, double z) {
        Predicate<Observation> inUnder = understaffedIntervals(data);
        if (inUnder == null) {
            return new CapacitySplit(false, Double.NaN, 0, Double.NaN, obs.size());
        }
        List<Double> u = obs.stream().filter(inUnder).map(Observation::value).toList();
        List<Double> n = obs.stream().filter(inUnder.negate()).map(Observation::value).toList();
        int minPart = Math.max(5, b.minSample() / 2);
        if (u.size() < minPart || n.size() < minPart) {
            return new CapacitySplit(false, Stats.mean(u), u.size(), Stats.mean(n), n.size());
        }
        Test tu = test(u, reference, rate, b, teamSd, z);
        Test tn = test(n, reference, rate, b, teamSd, z);
        boolean concentrated = tu.flagged() && !tn.worse() && tn.effect() < b.minEffectSize() / 2;
        return new CapacitySplit(concentrated, tu.observed(), u.size(), tn.observed(), n.size());
    }

    private Double baseline(Behavior b, String agent, Map<String, Double> agentMeans, List<Observation> hist) {
        switch (b.comparison()) {
            case ABSOLUTE:
                return b.target();
            case AGENT_HISTORY:
                return hist.size() >= b.minSample() ? Stats.mean(values(hist)) : null;
            default:
                List<Double> peers = agentMeans.entrySet().stream().filter(e -> !e.getKey().equals(agent))
                        .map(Map.Entry::getValue).toList();
                if (peers.size() < 3) {
                    return null;
                }
                if (b.comparison() == Behavior.Comparison.TEAM_PERCENTILE) {
                    double p = b.percentile() == null ? 75 : b.percentile();
                    // "Worse than the p-th percentile": for lower-is-worse behaviors the mirrored percentile.
                    return Stats.percentile(peers, b.direction() == Behavior.Direction.HIGHER_IS_WORSE ? p : 100 - p);
                }
                return Stats.median(peers);
        }
    }

    /**
     * The spread effects are measured in: the observations of the better half of the team's agents (at or better
     * than the median agent). The whole team's spread would include the very effect being looked for: on a skewed
     * metric like hold time an agent (or most of a team) with 3x the holds also has 3x the spread, which inflated
     * the team's SD so much that no multiplicative effect, however large, reached the threshold.
     */
    static double referenceSd(Behavior b, Map<String, List<Observation>> byAgent, Map<String, Double> agentMeans,
                              List<Observation> all) {
        if (agentMeans.size() < 4) {
            return Stats.sd(values(all));
        }
        double median = Stats.median(new ArrayList<>(agentMeans.values()));
        List<Double> better = new ArrayList<>();
        agentMeans.forEach((a, m) -> {
            if (b.direction().sign() * (m - median) <= 0) {
                better.addAll(values(byAgent.get(a)));
            }
        });
        return better.size() < 2 ? Stats.sd(values(all)) : Stats.sd(better);
    }

    /** The satisfaction guard: only when the agent's CSAT is known and at least the team median. */
    static boolean guardPasses(Behavior b, String agent, TeamData data) {
        if (!b.satisfactionGuard()) {
            return true;
        }
        TeamData.Satisfaction own = data.satisfaction().get(agent);
        if (own == null || own.n() < 3) {
            return false;
        }
        List<Double> team = data.satisfaction().values().stream().filter(s -> s.n() >= 3)
                .map(TeamData.Satisfaction::mean).toList();
        return own.mean() >= Stats.median(team);
    }

    Test test(List<Double> xs, double reference, boolean rate, Behavior b, double teamSd, double z) {
        int n = xs.size();
        double observed = Stats.mean(xs);
        Stats.Interval ci = rate ? Stats.wilson(sum(xs), n, z) : Stats.tInterval(xs, z);
        int sign = b.direction().sign();
        boolean worse = sign > 0 ? ci.low() > reference : ci.high() < reference;
        double eff = effect(observed, reference, rate, b, teamSd == 0 ? Stats.sd(xs) : teamSd);
        return new Test(observed, ci, eff, n, worse, worse && eff >= b.minEffectSize() && n >= b.minSample());
    }

    /** The log-scale test of a duration ({@link LogRatio}) in the shape of {@link Test}, in the metric's units. */
    static Test test(LogRatio.Result lr, double observed, Behavior b, Looks looks) {
        int sign = b.direction().sign();
        // The whole and its two parts (LogRatio.Result#worse) share this test's error.
        double z = new Looks(looks.alpha() / LogRatio.TESTS, looks.tightestAt()).z(lr.n());
        boolean worse = lr.worse(sign, z);
        double eff = sign * lr.effect();
        return new Test(observed, lr.interval(z), eff, lr.n(), worse,
                worse && eff >= b.minEffectSize() && lr.n() >= b.minSample());
    }

    /** The same at a fixed critical value (classification and membership, once a gap is established). */
    static Test test(LogRatio.Result lr, double observed, Behavior b, double z) {
        int sign = b.direction().sign();
        boolean worse = lr.worse(sign, z);
        double eff = sign * lr.effect();
        return new Test(observed, lr.interval(z), eff, lr.n(), worse,
                worse && eff >= b.minEffectSize() && lr.n() >= b.minSample());
    }

    /** Durations compared with the team (see {@link LogRatio}); other metrics and comparisons stay as they were. */
    static boolean logScale(Behavior b, TeamData data) {
        return b.comparison() == Behavior.Comparison.TEAM_MEDIAN && LogRatio.applies(b, data.current());
    }

    /**
     * What makes two of the team's calls comparable: the contact reason and, when the team had understaffed
     * intervals, whether the call was made in one.
     */
    Function<Observation, String> strata(TeamData data) {
        Predicate<Observation> inUnder = understaffedIntervals(data);
        if (inUnder == null) {
            return LogRatio::reason;
        }
        Set<Observation> under = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Observation o : data.current()) {
            if (inUnder.test(o)) {
                under.add(o);
            }
        }
        for (Observation o : data.history()) {
            if (inUnder.test(o)) {
                under.add(o);
            }
        }
        return o -> under.contains(o) ? LogRatio.reason(o) + "\u0000understaffed" : LogRatio.reason(o);
    }

    /** The rest of the team's observations (the reference of one agent). */
    static List<Observation> others(TeamData data, String agent) {
        return data.current().stream().filter(o -> !o.agentId().equals(agent)).toList();
    }

    /** The agent's sample is worse than the reference sample (95% interval of the difference excludes 0). */
    static boolean differs(List<Double> agent, List<Double> ref, boolean rate, Behavior b, double z) {
        if (ref.size() < 2) {
            return false;
        }
        Stats.Interval diff = rate ? Stats.newcombeDifference(sum(agent), agent.size(), sum(ref), ref.size(), z)
                : Stats.welchDifference(agent, ref, z);
        return b.direction().sign() > 0 ? diff.low() > 0 : diff.high() < 0;
    }

    /** Effect in the "worse" direction: positive when worse than the reference. */
    static double effect(double observed, double reference, boolean rate, Behavior b, double sd) {
        int sign = b.direction().sign();
        if (rate) {
            return sign * Stats.cohenH(observed, reference);
        }
        if (sd <= 1e-9) {
            return observed == reference ? 0 : sign * Math.signum(observed - reference) * 10;
        }
        return sign * (observed - reference) / sd;
    }

    private Assessment gap(String agent, Behavior b, List<Observation> obs, Test t, double baseline, String kind,
                           GapType type, String why, List<String> affected) {
        return new Assessment(agent, true, false, type, t.observed(), baseline, kind, round(t.effect()), t.n(),
                t.ci().low(), t.ci().high(), evidence(obs, b), why, affected, queueLabel(obs, b),
                b.filter("contactReason"));
    }

    /** Up to five interactions that show the behavior most clearly (worst values first, then most recent). */
    static List<String> evidence(List<Observation> obs, Behavior b) {
        Comparator<Observation> worst = Comparator.comparingDouble(o -> -b.direction().sign() * o.value());
        return obs.stream().filter(o -> o.interactionId() != null)
                .sorted(worst.thenComparing(Observation::at, Comparator.reverseOrder()))
                .map(Observation::interactionId).distinct().limit(5).toList();
    }

    private static Map<String, List<Observation>> group(List<Observation> obs) {
        Map<String, List<Observation>> m = new LinkedHashMap<>();
        for (Observation o : obs) {
            m.computeIfAbsent(o.agentId(), k -> new ArrayList<>()).add(o);
        }
        return m;
    }

    static List<Double> values(List<Observation> obs) {
        return obs.stream().map(Observation::value).toList();
    }

    private static double sum(List<Double> xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s;
    }

    private static String fmt(double v, Behavior b) {
        Metrics.Metric m = b.metricDef();
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (m != null && m.type() == Metrics.Type.RATE) {
            return String.format(Locale.ROOT, "%.0f%%", v * 100);
        }
        return String.format(Locale.ROOT, "%.1f%s", v, m == null ? "" : (m.unit().equals("s") ? " s" : " " + m.unit()));
    }

    private static String fmtDelta(double v, Behavior b) {
        return (v >= 0 ? "+" : "") + fmt(v, b);
    }

    private static String refName(String kind) {
        return switch (kind) {
            case "ABSOLUTE" -> "absolute standard";
            case "ORG_MEDIAN" -> "organisation's median agent";
            default -> "organisation's standard";
        };
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
