package io.wem.wellbeing.calibration;

import io.wem.common.contracts.AgentActivity;
import io.wem.wellbeing.domain.CoachingBalance;
import io.wem.wellbeing.domain.CoachingTheme;
import io.wem.wellbeing.domain.Difficulty;
import io.wem.wellbeing.domain.EmotionalLoadAnalyzer;
import io.wem.wellbeing.domain.FactCount;
import io.wem.wellbeing.domain.GuardrailPolicy;
import io.wem.wellbeing.domain.IntensityWindow;
import io.wem.wellbeing.domain.MonitoringKind;
import io.wem.wellbeing.domain.RecoveryState;
import io.wem.wellbeing.domain.RecoveryTracker;
import io.wem.wellbeing.domain.TeamProgramme;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Wellbeing alerts on generated contact centers, running the wellbeing domain code without the stack the way
 * wellbeing-service calls it: {@link RecoveryTracker} on every activity (RECOVERY_DUE, RECOVERY_VIOLATION), the
 * intensity window on every monitoring fact (MONITORING_CAP on a per-kind cap, COACHING_PRESSURE on a supportive fact),
 * the index episode (MONITORING_CAP once the index has stayed above its cap for the on-delay) on every fact and check,
 * and the team check ({@link EmotionalLoadAnalyzer} for EMOTIONAL_LOAD and the coaching balance)
 * twice a day; pattern alerts have the service's quiet period per agent and kind (see {@link #quietPeriod}).
 *
 * <p>The generator is its own: 4 teams of 12 agents, 10 working days; 8-hour shifts starting at different hours with
 * two or three breaks of 10 to 30 minutes (one break in ten is not reported: the agent pauses but no BREAK arrives);
 * contacts of log-normal length with 5 to 90 seconds between them; customer sentiment from the agent's own level, a
 * per-team offset of each queue and noise, missing for 10 to 35 % of contacts depending on the agent; escalations and
 * abusive customers at low, agent-specific rates; team-specific contact reasons in which a complaint reason has a
 * team-specific share; QA programmes of two or three evaluations per agent and week, automated scores, adherence
 * alerts, occasional live monitoring and screen reviews, coaching sessions of mixed themes, recognition. It reads no
 * threshold of the policy. Planted situations (separate runs): a run of eight very negative contacts back to back
 * with no break; four live-monitoring sessions in one day; a strong performer (top QA) who takes most contacts on the
 * team's hardest queue.
 */
public final class WellbeingCalibration {

    public static final int TEAMS = 4;
    public static final int AGENTS_PER_TEAM = 12;
    public static final int DAYS = 10;
    static final Duration COOLDOWN = Duration.ofHours(24);
    static final Instant DAY0 = Instant.parse("2026-02-02T00:00:00Z");
    static final GuardrailPolicy POLICY = GuardrailPolicy.defaults();

    public enum Plant { NONE, DIFFICULT_RUN, MONITORING_BURST, HARD_QUEUE_STAR }

    /** Alerts of one run: per kind, and whether each planted situation got its alert. */
    public static final class Result {
        public final Map<String, Integer> alertsByKind = new TreeMap<>();
        public int agentDays;
        public int planted;
        public int found;

        public int alerts() {
            return alertsByKind.values().stream().mapToInt(Integer::intValue).sum();
        }

        void add(Result o) {
            o.alertsByKind.forEach((k, v) -> alertsByKind.merge(k, v, Integer::sum));
            agentDays += o.agentDays;
            planted += o.planted;
            found += o.found;
        }
    }

    private record Alert(String agent, String kind, Instant at) {
    }

    private static final class Agent {
        String id;
        String team;
        double mood;
        double missingSentiment;
        double escalation;
        double abuse;
        double[] queueWeights;
        double qa;
        int breaks;
        RecoveryState recovery = RecoveryState.FRESH;
        final List<FactCount> facts = new ArrayList<>();
        final List<Double> qaScores = new ArrayList<>();
        final Map<String, int[]> tallies = new HashMap<>();
    }

    private WellbeingCalibration() {
    }

    public static Result run(long first, int seeds, Plant plant) {
        Result total = new Result();
        for (long s = first; s < first + seeds; s++) {
            total.add(run(s, plant));
        }
        return total;
    }

    static Result run(long seed, Plant plant) {
        Random rnd = new Random(seed * 31 + plant.ordinal());
        Result result = new Result();
        List<Alert> alerts = new ArrayList<>();
        Map<String, Instant> lastPattern = new HashMap<>();
        String[] queues = {"q-a", "q-b", "q-c"};
        for (int t = 0; t < TEAMS; t++) {
            String team = "team-" + seed + "-" + t;
            double[] queueOffset = {-0.05 * rnd.nextDouble(), -0.1 - 0.2 * rnd.nextDouble(), 0.05 * rnd.nextDouble()};
            String[] reasons = {"r" + t + "-billing", "r" + t + "-order", "r" + t + "-technical", "complaint"};
            double complaintShare = 0.01 + 0.07 * rnd.nextDouble();
            int qaPerWeek = 2 + rnd.nextInt(2);
            int startHour = 6 + rnd.nextInt(6);
            List<Agent> agents = new ArrayList<>();
            for (int a = 0; a < AGENTS_PER_TEAM; a++) {
                Agent ag = new Agent();
                ag.id = team + "-agent-" + a;
                ag.team = team;
                ag.mood = 0.15 + 0.12 * rnd.nextGaussian();
                ag.missingSentiment = 0.1 + 0.25 * rnd.nextDouble();
                ag.escalation = 0.01 + 0.03 * rnd.nextDouble();
                ag.abuse = 0.001 + 0.004 * rnd.nextDouble();
                ag.queueWeights = new double[] {-Math.log(rnd.nextDouble()), -Math.log(rnd.nextDouble()),
                        -Math.log(rnd.nextDouble())};
                ag.qa = 80 + 6 * rnd.nextGaussian();
                ag.breaks = 2 + rnd.nextInt(2);
                agents.add(ag);
            }
            // The planted agent of this team (one per team), the day and the moment of the plant.
            Agent target = agents.get(rnd.nextInt(agents.size()));
            int plantDay = 2 + rnd.nextInt(DAYS - 3);
            if (plant == Plant.HARD_QUEUE_STAR) {
                target.qa = 97;
                target.queueWeights = new double[] {0.1, 0.8, 0.1};
            }
            for (int d = 0; d < DAYS; d++) {
                // Working days Monday to Friday: day 5 is the next Monday.
                Instant dayStart = DAY0.plus(Duration.ofDays(d + 2L * (d / 5))).plus(Duration.ofHours(startHour));
                for (Agent ag : agents) {
                    boolean plantRun = plant == Plant.DIFFICULT_RUN && ag == target && d == plantDay;
                    Instant[] window = shift(rnd, ag, dayStart, reasons, complaintShare, queueOffset, queues,
                            plantRun, alerts);
                    if (plantRun) {
                        result.planted++;
                        if (alerts.stream().anyMatch(x -> x.agent.equals(ag.id) && x.kind.startsWith("RECOVERY")
                                && !x.at.isBefore(window[0]) && !x.at.isAfter(window[1]))) {
                            result.found++;
                        }
                    }
                    boolean burst = plant == Plant.MONITORING_BURST && ag == target && d == plantDay;
                    int before = alerts.size();
                    monitoring(rnd, ag, agents, dayStart, d, qaPerWeek, burst, alerts, lastPattern);
                    if (burst) {
                        result.planted++;
                        if (alerts.subList(before, alerts.size()).stream()
                                .anyMatch(x -> x.agent.equals(ag.id) && x.kind.startsWith("MONITORING_CAP"))) {
                            result.found++;
                        }
                    }
                }
                teamCheck(agents, dayStart.plus(Duration.ofHours(4)), alerts, lastPattern);
                teamCheck(agents, dayStart.plus(Duration.ofHours(9)), alerts, lastPattern);
            }
            if (plant == Plant.HARD_QUEUE_STAR) {
                result.planted++;
                if (alerts.stream().anyMatch(x -> x.agent.equals(target.id) && x.kind.equals("EMOTIONAL_LOAD"))) {
                    result.found++;
                }
            }
            result.agentDays += agents.size() * DAYS;
        }
        for (Alert a : alerts) {
            result.alertsByKind.merge(a.kind, 1, Integer::sum);
        }
        return result;
    }

    /** One shift of one agent; returns the start and end of the planted run (or of the shift). */
    private static Instant[] shift(Random rnd, Agent ag, Instant dayStart, String[] reasons, double complaintShare,
                                   double[] queueOffset, String[] queues, boolean plantRun, List<Alert> alerts) {
        Instant t = dayStart.plusSeconds(rnd.nextInt(1200));
        Instant end = t.plus(Duration.ofHours(8));
        List<Instant> breakAt = new ArrayList<>();
        for (int b = 1; b <= ag.breaks; b++) {
            breakAt.add(t.plus(Duration.ofMinutes(480L * b / (ag.breaks + 1) - 20 + rnd.nextInt(40))));
        }
        int nextBreak = 0;
        int plantAt = plantRun ? 10 + rnd.nextInt(30) : -1;
        int plantLeft = 0;
        Instant[] planted = {t, end};
        int contact = 0;
        while (t.isBefore(end)) {
            if (plantLeft == 0 && nextBreak < breakAt.size() && !t.isBefore(breakAt.get(nextBreak))) {
                Instant breakEnd = t.plus(Duration.ofMinutes(10 + rnd.nextInt(21)));
                if (rnd.nextDouble() >= 0.1) {
                    apply(ag, new AgentActivity("b" + t.toEpochMilli(), RecoveryTracker.BREAK, ag.id, ag.team, null,
                            null, null, t, breakEnd, null, false, false, false), alerts);
                }
                t = breakEnd;
                nextBreak++;
                continue;
            }
            if (contact == plantAt) {
                plantLeft = 8;
                planted[0] = t;
            }
            int q = pick(rnd, ag.queueWeights);
            String reason = rnd.nextDouble() < complaintShare ? reasons[3] : reasons[rnd.nextInt(3)];
            long seconds = (long) Math.min(3600, Math.exp(Math.log(300) + 0.55 * rnd.nextGaussian()));
            Instant callEnd = t.plusSeconds(seconds);
            Double sentiment;
            boolean escalated = rnd.nextDouble() < ag.escalation;
            boolean abusive = rnd.nextDouble() < ag.abuse;
            if (plantLeft > 0) {
                sentiment = -0.6 - 0.35 * rnd.nextDouble();
                escalated = false;
                abusive = false;
            } else {
                double s = ag.mood + queueOffset[q] + 0.35 * rnd.nextGaussian();
                sentiment = rnd.nextDouble() < ag.missingSentiment ? null : Math.max(-1, Math.min(1, s));
            }
            RecoveryTracker.Result r = apply(ag, new AgentActivity("c" + t.toEpochMilli(), RecoveryTracker.INTERACTION,
                    ag.id, ag.team, queues[q], "voice", reason, t, callEnd, sentiment, escalated, abusive, false),
                    alerts);
            int[] tally = ag.tallies.computeIfAbsent(queues[q], k -> new int[2]);
            tally[0]++;
            if (r.difficulty() != Difficulty.NORMAL) {
                tally[1]++;
            }
            if (plantLeft > 0) {
                plantLeft--;
                if (plantLeft == 0) {
                    planted[1] = callEnd.plusSeconds(60);
                }
            }
            contact++;
            t = callEnd.plusSeconds(plantLeft > 0 ? 5 + rnd.nextInt(10) : 5 + rnd.nextInt(86));
        }
        return planted;
    }

    private static RecoveryTracker.Result apply(Agent ag, AgentActivity activity, List<Alert> alerts) {
        RecoveryTracker.Result r = RecoveryTracker.apply(ag.recovery, activity, POLICY.recovery());
        ag.recovery = r.state();
        for (RecoveryTracker.AlertDraft d : r.alerts()) {
            alerts.add(new Alert(ag.id, d.kind(), activity.end() != null ? activity.end() : activity.start()));
        }
        return r;
    }

    private record Fact(Instant at, MonitoringKind kind, CoachingTheme theme, Double score) {
    }

    private static void monitoring(Random rnd, Agent ag, List<Agent> team, Instant dayStart, int day, int qaPerWeek,
                                   boolean burst, List<Alert> alerts, Map<String, Instant> lastPattern) {
        List<Fact> facts = new ArrayList<>();
        // QA: qaPerWeek evaluations a week, on random days of the week (a sampling plan, not a rate).
        int weekday = day % 5;
        Random week = new Random(ag.id.hashCode() * 17L + day / 5);
        int[] qaDays = week.ints(0, 5).limit(qaPerWeek).toArray();
        for (int qd : qaDays) {
            if (qd == weekday) {
                facts.add(new Fact(at(rnd, dayStart), MonitoringKind.QA_EVALUATION, null,
                        Math.max(0, Math.min(100, ag.qa + 8 * rnd.nextGaussian()))));
            }
        }
        for (int i = poisson(rnd, 2.0); i > 0; i--) {
            facts.add(new Fact(at(rnd, dayStart), MonitoringKind.AUTOMATED_SCORE, null, null));
        }
        for (int i = poisson(rnd, 0.3); i > 0; i--) {
            facts.add(new Fact(at(rnd, dayStart), MonitoringKind.ADHERENCE_ALERT, null, null));
        }
        for (int i = poisson(rnd, 0.1); i > 0; i--) {
            facts.add(new Fact(at(rnd, dayStart), MonitoringKind.LIVE_MONITORING, null, null));
        }
        for (int i = poisson(rnd, 0.1); i > 0; i--) {
            facts.add(new Fact(at(rnd, dayStart), MonitoringKind.SCREEN_RECORDING_REVIEW, null, null));
        }
        for (int i = poisson(rnd, 0.2); i > 0; i--) {
            CoachingTheme theme = CoachingTheme.values()[rnd.nextInt(CoachingTheme.values().length)];
            facts.add(new Fact(at(rnd, dayStart), MonitoringKind.COACHING_SESSION, theme, null));
        }
        for (int i = poisson(rnd, 0.1); i > 0; i--) {
            facts.add(new Fact(at(rnd, dayStart), MonitoringKind.RECOGNITION, null, null));
        }
        if (burst) {
            for (int i = 0; i < 4; i++) {
                facts.add(new Fact(dayStart.plus(Duration.ofMinutes(60 + 100L * i)), MonitoringKind.LIVE_MONITORING,
                        null, null));
            }
        }
        facts.sort(Comparator.comparing(Fact::at));
        for (Fact f : facts) {
            ag.facts.add(new FactCount(f.kind, f.theme, FactCount.bucketOf(f.at), 1));
            if (f.score != null) {
                ag.qaScores.add(f.score);
            }
            IntensityWindow w = new IntensityWindow(ag.facts, POLICY, f.at);
            switch (w.crossing(f.kind, f.at)) {
                case KIND_CAP -> {
                    if (programmeSeenBy(ag, team, f.at).kindSingledOut(f.kind, w.count(f.kind))) {
                        pattern(ag.id, "MONITORING_CAP", "MONITORING_CAP (" + f.kind + " cap)", f.at, alerts,
                                lastPattern);
                    } else {
                        programme(ag, f.kind.name(), f.at, alerts, lastPattern);
                    }
                }
                case NONE -> {
                    if (w.furtherOverCap(f.kind)) {
                        furtherOverCap(ag, team, f.kind, w.count(f.kind), f.at, alerts, lastPattern);
                    }
                }
            }
            indexEpisode(ag, team, w, f.at, alerts, lastPattern);
            if (f.kind.supportive()) {
                CoachingBalance b = CoachingBalance.of(w.pressureSessions(), w.supportSessions(), POLICY.balance());
                if (b.pressurePattern()) {
                    pattern(ag.id, "COACHING_PRESSURE", "COACHING_PRESSURE", f.at, alerts, lastPattern);
                }
            }
        }
    }

    private static void teamCheck(List<Agent> agents, Instant now, List<Alert> alerts, Map<String, Instant> last) {
        List<EmotionalLoadAnalyzer.QueueTally> tallies = new ArrayList<>();
        Map<String, Double> scores = new HashMap<>();
        for (Agent ag : agents) {
            ag.tallies.forEach((q, c) -> tallies.add(new EmotionalLoadAnalyzer.QueueTally(ag.id, q, c[0], c[1])));
            if (!ag.qaScores.isEmpty()) {
                scores.put(ag.id, ag.qaScores.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            }
        }
        EmotionalLoadAnalyzer.TeamLoad load = EmotionalLoadAnalyzer.analyze(tallies, scores, POLICY.load());
        for (EmotionalLoadAnalyzer.AgentLoad a : load.agents().values()) {
            if (a.flagged()) {
                pattern(a.agentId(), "EMOTIONAL_LOAD", "EMOTIONAL_LOAD", now, alerts, last);
            }
        }
        for (Agent ag : agents) {
            IntensityWindow w = new IntensityWindow(ag.facts, POLICY, now);
            indexEpisode(ag, agents, w, now, alerts, last);
            if (CoachingBalance.of(w.pressureSessions(), w.supportSessions(), POLICY.balance()).pressurePattern()) {
                pattern(ag.id, "COACHING_PRESSURE", "COACHING_PRESSURE", now, alerts, last);
            }
        }
    }

    /** The service's index on-delay (wem.wellbeing.index-alert-delay). */
    static final Duration INDEX_ALERT_DELAY = Duration.ofHours(12);

    /**
     * MONITORING_CAP for an index episode that is due (PatternCheck, AlertService#raiseForEpisode): not if any
     * MONITORING_CAP was raised since a window before the episode began, nor within the cooldown.
     */
    private static void indexEpisode(Agent ag, List<Agent> team, IntensityWindow w, Instant at, List<Alert> alerts,
                                     Map<String, Instant> last) {
        Instant since = w.indexEpisodeDue(INDEX_ALERT_DELAY);
        if (since == null) {
            return;
        }
        // One look per episode: classified as it stood when it became due, not retried at every check.
        Instant dueAt = since.plus(INDEX_ALERT_DELAY);
        double indexWhenDue = new IntensityWindow(ag.facts, POLICY, dueAt).index();
        if (!programmeSeenBy(ag, team, dueAt).indexSingledOut(indexWhenDue, POLICY)) {
            programme(ag, "INDEX", at, alerts, last);
            return;
        }
        Instant previous = last.get(ag.id + "|MONITORING_CAP");
        if (previous != null && (!previous.isBefore(since.minus(w.window())) || previous.plus(COOLDOWN).isAfter(at))) {
            return;
        }
        last.put(ag.id + "|MONITORING_CAP", at);
        alerts.add(new Alert(ag.id, "MONITORING_CAP (index cap)", at));
    }

    /** The team's programme as one agent sees it (TeamProgrammes): the other members' windows at that moment. */
    private static TeamProgramme programmeSeenBy(Agent ag, List<Agent> team, Instant at) {
        Map<String, IntensityWindow> windows = new HashMap<>();
        for (Agent p : team) {
            windows.put(p.id, new IntensityWindow(p.facts, POLICY, at));
        }
        return TeamProgramme.seenBy(ag.id, windows, team.size());
    }

    /** TeamProgrammes#furtherOverCap: personal, once per window, when the growing count now singles the agent out. */
    private static void furtherOverCap(Agent ag, List<Agent> team, MonitoringKind kind, int count, Instant at,
                                       List<Alert> alerts, Map<String, Instant> last) {
        if (!programmeSeenBy(ag, team, at).kindSingledOut(kind, count)) {
            return;
        }
        Instant previous = last.get(ag.id + "|MONITORING_CAP");
        if (previous != null && !previous.isBefore(at.minus(Duration.ofDays(POLICY.windowDays())))) {
            return;
        }
        last.put(ag.id + "|MONITORING_CAP", at);
        alerts.add(new Alert(ag.id, "MONITORING_CAP (" + kind + " cap)", at));
    }

    /** MONITORING_PROGRAMME (AlertService#raiseProgramme): once per team and subject per window. */
    private static void programme(Agent ag, String subject, Instant at, List<Alert> alerts, Map<String, Instant> last) {
        String key = ag.team + "|MONITORING_PROGRAMME|" + subject;
        Instant previous = last.get(key);
        if (previous != null && previous.plus(Duration.ofDays(POLICY.windowDays())).isAfter(at)) {
            return;
        }
        last.put(key, at);
        alerts.add(new Alert(ag.id, "MONITORING_PROGRAMME (" + subject + ")", at));
    }

    /**
     * The service's quiet period per agent and kind: a standing pattern's own window (AlertService, PatternCheck,
     * MonitoringService), the 24-hour cooldown for MONITORING_CAP, whose episodes IntensityWindow already tells.
     */
    static Duration quietPeriod(String kind) {
        return switch (kind) {
            case "EMOTIONAL_LOAD" -> Duration.ofDays(POLICY.load().windowDays());
            case "COACHING_PRESSURE" -> Duration.ofDays(POLICY.windowDays());
            default -> COOLDOWN;
        };
    }

    /** A pattern alert with the service's quiet period per agent and kind; {@code label} says which rule fired. */
    private static void pattern(String agent, String kind, String label, Instant at, List<Alert> alerts,
                                Map<String, Instant> last) {
        Instant previous = last.get(agent + "|" + kind);
        if (previous != null && previous.plus(quietPeriod(kind)).isAfter(at)) {
            return;
        }
        last.put(agent + "|" + kind, at);
        alerts.add(new Alert(agent, label, at));
    }

    private static Instant at(Random rnd, Instant dayStart) {
        return dayStart.plusSeconds(rnd.nextInt(8 * 3600));
    }

    private static int pick(Random rnd, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = rnd.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int poisson(Random rnd, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
