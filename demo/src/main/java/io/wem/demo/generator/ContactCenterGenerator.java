package io.wem.demo.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a deterministic synthetic contact center: a roster of agents in teams, and for each agent's shifts the
 * interactions with their QA evaluations, surveys, sentiment, transcripts, adherence (with breaks) and live
 * monitoring, plus each team's staffing per queue and 30-minute interval. With {@code plantScenarios} the six
 * {@link Scenarios} are planted on named agents.
 *
 * <p>All randomness comes from one {@link SplittableRandom} seeded with {@code options.seed()}, split per agent in a
 * fixed order, so the output depends on the options only. Times are UTC.
 */
public final class ContactCenterGenerator {

    static final String[] QUEUES = {"general", "billing", "tech-support", Scenarios.HARDEST_QUEUE};
    private static final double[] QUEUE_STAFF_SHARE = {0.35, 0.35, 0.2, 0.1};
    private static final String[] REASONS = {"billing-question", "billing-dispute", "complaint", "technical-issue",
            "account-change", "payment"};
    private static final double[] REASON_P = {0.20, 0.13, 0.15, 0.22, 0.18, 0.12};
    /**
     * Nuisance: each team's own reason mix (REASON_P tilted by a factor per team and reason, 0.7..1.3, from the team's
     * name, so it does not depend on the seed or the roster order); detection must hold against mixes that differ.
     */
    static double[] reasonMix(String teamId) {
        SplittableRandom r = new SplittableRandom(teamId.hashCode());
        double[] p = new double[REASON_P.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = REASON_P[k] * (0.7 + 0.6 * r.nextDouble());
        }
        double sum = java.util.Arrays.stream(p).sum();
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** Nuisance: share of ordinary staffing intervals one agent short; share of missing sentiment and adherence. */
    static final double MILD_SHORTFALL_SHARE = 0.5;
    static final double SENTIMENT_MISSING = 0.05;
    static final double ADHERENCE_MISSING = 0.08;
    private static final int SHIFT_HOURS = 8;
    private static final int EARLY_START_HOUR = 7;
    private static final int LATE_START_HOUR = 12;
    private static final int STAFFING_FROM_HOUR = 7;
    private static final int STAFFING_TO_HOUR = 20;
    private static final double TRANSCRIPT_SHARE_BILLING = 0.15;
    private static final double TRANSCRIPT_SHARE_OTHER = 0.10;
    private static final double CARD_SHARE_IN_BILLING_TRANSCRIPTS = 0.3;
    private static final double AUTOMATED_QA_SHARE = 0.6;

    private ContactCenterGenerator() {
    }

    /** The measured week. */
    public static GeneratedWeek generate(GeneratorOptions options) {
        Roster roster = roster(options);
        return simulate(options, roster.agents(), roster.scenarios(), "w1", Map.of(), null);
    }

    /**
     * The week after {@code firstWeek}: coached agents who improve move to the team norm, the others keep their
     * habits; the second team's complaint empathy drifts up for everyone; process and staffing fixes apply as the
     * plan says.
     */
    public static GeneratedWeek followUp(GeneratorOptions firstWeek, FollowUpPlan plan) {
        Roster roster = roster(firstWeek);
        Map<String, Boolean> outcomes = plan.outcomes(roster.scenarios(), roster.agents());
        List<AgentProfile> next = new ArrayList<>();
        String driftTeam = firstWeek.teams().get(1);
        String processTeam = firstWeek.teams().get(2);
        for (AgentProfile a : roster.agents()) {
            AgentProfile b = Boolean.TRUE.equals(outcomes.get(a.agentId())) ? a.normalised() : a;
            if (plan.processFixed() && a.teamId().equals(processTeam)) {
                b = b.withRepeatBillingDispute(AgentProfile.Norms.REPEAT_BILLING_DISPUTE);
            }
            if (roster.scenarios().stream().anyMatch(s -> s.id().equals(Scenarios.MONITORING_CAP)
                    && s.agentId().equals(a.agentId()))) {
                // their monitoring in these days was already sent with the measured week (see simulate)
                b = b.atMonitoringCap(0, 0);
            }
            if (a.teamId().equals(driftTeam)) {
                b = b.withEmpathyComplaints(Math.min(100, b.empathyComplaints() + FollowUpPlan.TEAM_EMPATHY_DRIFT));
            }
            next.add(b);
        }
        GeneratorOptions second = firstWeek.withStart(firstWeek.end());
        String capacityTeam = firstWeek.plantScenarios() && !plan.staffingFixed() ? firstWeek.teams().get(1) : "";
        return simulate(second, next, roster.scenarios(), "w2", outcomes, capacityTeam);
    }

    record Roster(List<AgentProfile> agents, List<PlantedScenario> scenarios) {
    }

    static int[] perTeam(GeneratorOptions o) {
        int t = o.teams().size();
        int[] per = new int[t];
        for (int i = 0; i < t; i++) {
            per[i] = o.agents() / t + (i < o.agents() % t ? 1 : 0);
        }
        return per;
    }

    static Roster roster(GeneratorOptions o) {
        SplittableRandom rnd = new SplittableRandom(o.seed());
        int[] per = perTeam(o);
        List<AgentProfile> agents = new ArrayList<>();
        for (int t = 0; t < o.teams().size(); t++) {
            String team = o.teams().get(t);
            for (int i = 1; i <= per[t]; i++) {
                String shift = i % 2 == 1 ? "EARLY" : "LATE";
                agents.add(new AgentProfile(Scenarios.agentId(team, i, per[t]), team, i, shift, (i + t) % 7,
                        clamp(normal(rnd, 1.0, 0.08), 0.8, 1.2),
                        clamp(normal(rnd, AgentProfile.Norms.ACW_MEDIAN, 6), 35, 75),
                        clamp(normal(rnd, AgentProfile.Norms.HOLD_PROBABILITY, 0.03), 0.1, 0.35),
                        clamp(normal(rnd, AgentProfile.Norms.HOLD_MEAN, 5), 25, 60),
                        clamp(normal(rnd, AgentProfile.Norms.TRANSFER_RATE, 0.012), 0.02, 0.1),
                        clamp(normal(rnd, AgentProfile.Norms.EMPATHY, 4), 68, 92),
                        clamp(normal(rnd, AgentProfile.Norms.EMPATHY, 4), 68, 92),
                        clamp(normal(rnd, AgentProfile.Norms.QUALITY, 4), 68, 92),
                        clamp(normal(rnd, AgentProfile.Norms.CONFIRMATION_RATE, 0.03), 0.82, 0.99),
                        clamp(normal(rnd, AgentProfile.Norms.CSAT, 0.12), 3.7, 4.4),
                        clamp(normal(rnd, AgentProfile.Norms.REPEAT_BILLING_DISPUTE, 0.015), 0.03, 0.13),
                        clamp(normal(rnd, AgentProfile.Norms.REPEAT_OTHER, 0.01), 0.03, 0.1),
                        clamp(normal(rnd, AgentProfile.Norms.ADHERENCE, 0.02), 0.86, 0.99),
                        AgentProfile.Norms.HARD_QUEUE_SHARE, true, false, AgentProfile.Norms.HUMAN_QA_PER_WEEK,
                        rnd.nextDouble() < 0.3 ? 1 : 0));
            }
        }
        if (!o.plantScenarios()) {
            return new Roster(agents, List.of());
        }
        List<PlantedScenario> scenarios = Scenarios.plan(o.teams(), per);
        Map<String, AgentProfile> byId = new LinkedHashMap<>();
        agents.forEach(a -> byId.put(a.agentId(), a));
        for (PlantedScenario s : scenarios) {
            switch (s.id()) {
                case Scenarios.ACW_TOP_CSAT -> byId.computeIfPresent(s.agentId(), (k, a) -> a.withAcw(165).withCsat(4.85));
                case Scenarios.COMPLAINT_EMPATHY -> byId.computeIfPresent(s.agentId(), (k, a) -> a.withEmpathyComplaints(45));
                case Scenarios.BILLING_KNOWLEDGE_GAP -> s.agentIds().forEach(id ->
                        byId.computeIfPresent(id, (k, a) -> a.withRepeatBillingDispute(0.45)));
                case Scenarios.UNDERSTAFFED_AFTERNOON -> {
                    // in the capacity team the first half works early and the second half late, so the late shift
                    // carries most of the understaffed hours
                    for (AgentProfile a : List.copyOf(byId.values())) {
                        if (a.teamId().equals(s.teamId())) {
                            byId.put(a.agentId(), a.withShift(s.agentIds().contains(a.agentId()) ? "LATE" : "EARLY"));
                        }
                    }
                }
                case Scenarios.HARDEST_QUEUE_NO_RECOVERY -> byId.computeIfPresent(s.agentId(), (k, a) -> a.asStrongPerformerOnHardestQueue());
                case Scenarios.MONITORING_CAP -> byId.computeIfPresent(s.agentId(), (k, a) ->
                        a.atMonitoringCap(Scenarios.MONITORING_CAP_HUMAN_QA, Scenarios.MONITORING_CAP_LIVE_SESSIONS)
                                .withHolds(Scenarios.MONITORING_CAP_HOLD_PROBABILITY,
                                        Scenarios.MONITORING_CAP_HOLD_MEAN_SECONDS));
                default -> throw new IllegalStateException(s.id());
            }
        }
        return new Roster(new ArrayList<>(byId.values()), scenarios);
    }

    /**
     * @param capacityTeamOverride null: the first week (capacity team from the scenarios); "" no understaffing;
     *                             else that team is understaffed
     */
    private static GeneratedWeek simulate(GeneratorOptions o, List<AgentProfile> agents, List<PlantedScenario> scenarios,
                                          String week, Map<String, Boolean> outcomes, String capacityTeamOverride) {
        String capacityTeam = capacityTeamOverride != null ? capacityTeamOverride
                : o.plantScenarios() ? o.teams().get(1) : "";
        Ids ids = new Ids(o.runId() + week);
        SplittableRandom master = new SplittableRandom(o.seed() * 31 + week.hashCode());
        List<SplittableRandom> agentRnd = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            agentRnd.add(master.split());
        }
        SplittableRandom staffingRnd = master.split();

        // interactions per agent-day: proportional to productivity, exactly o.interactions() in total
        List<int[]> agentDays = new ArrayList<>(); // {agentIndex, day}
        List<Double> weights = new ArrayList<>();
        for (int ai = 0; ai < agents.size(); ai++) {
            for (int d = 0; d < o.days(); d++) {
                if (works(agents.get(ai), d)) {
                    agentDays.add(new int[]{ai, d});
                    weights.add(agents.get(ai).productivity());
                }
            }
        }
        int[] counts = apportion(o.interactions(), weights);

        List<Signal> out = new ArrayList<>();
        Instant weekEnd = o.end().minusSeconds(1);
        Map<Integer, List<Signal.Interaction>> byAgent = new LinkedHashMap<>();
        for (int k = 0; k < agentDays.size(); k++) {
            int ai = agentDays.get(k)[0];
            int day = agentDays.get(k)[1];
            AgentProfile a = agents.get(ai);
            SplittableRandom rnd = agentRnd.get(ai);
            List<Signal.Interaction> dayCalls = shift(o, a, day, counts[k], rnd, ids, capacityTeam, out, weekEnd);
            byAgent.computeIfAbsent(ai, x -> new ArrayList<>()).addAll(dayCalls);
        }
        // The agent at the monitoring cap (measured week only): their people's QA evaluations and live listening
        // fall in the days after the week, up to the replay, because the guardrail counts monitoring in a rolling
        // window back from the moment the coaching is planned, which is the replay. They lead the signals: the
        // monitoring already happened when the week's gaps come in.
        String capped = capacityTeamOverride != null ? null : scenarios.stream()
                .filter(s -> s.id().equals(Scenarios.MONITORING_CAP)).map(PlantedScenario::agentId).findFirst()
                .orElse(null);
        List<Signal> sinceTheWeek = new ArrayList<>();
        // people's QA evaluations and live listening, spread over each agent's week
        for (Map.Entry<Integer, List<Signal.Interaction>> e : byAgent.entrySet()) {
            AgentProfile a = agents.get(e.getKey());
            SplittableRandom rnd = agentRnd.get(e.getKey());
            List<Signal.Interaction> calls = e.getValue().stream().filter(c -> !c.channel().equals("email")).toList();
            if (calls.isEmpty()) {
                continue;
            }
            boolean isCapped = a.agentId().equals(capped);
            List<Signal> target = isCapped ? sinceTheWeek : out;
            int humanQa = (int) Math.round(a.humanQaPerWeek() * o.days() / 7.0);
            for (Signal.Interaction c : pick(rnd, calls, humanQa)) {
                Instant at = isCapped ? inShiftAfterTheWeek(o, a, rnd)
                        : min(c.endedAt().plus(Duration.ofHours(2 + rnd.nextInt(24))), weekEnd);
                target.add(qa(ids, a, c, "qa1", false, at, rnd));
            }
            int live = (int) Math.round(a.liveMonitoringPerWeek() * o.days() / 7.0);
            for (Signal.Interaction c : pick(rnd, calls, live)) {
                Instant at = isCapped ? inShiftAfterTheWeek(o, a, rnd) : c.startedAt().plusSeconds(20);
                target.add(new Signal.LiveMonitoring(ids.next("lm"), at, a.agentId(), a.teamId(), monitorOf(o, a), at));
            }
        }
        staffing(o, agents, capacityTeam, staffingRnd, ids, out);
        out.sort(Comparator.comparing(Signal::occurredAt).thenComparing(Signal::eventId));
        sinceTheWeek.sort(Comparator.comparing(Signal::occurredAt).thenComparing(Signal::eventId));
        out.addAll(0, sinceTheWeek);
        return new GeneratedWeek(o, agents, scenarios, out, outcomes);
    }

    /** A moment in the agent's shift on one of the days after the week (never its first day, never today). */
    private static Instant inShiftAfterTheWeek(GeneratorOptions o, AgentProfile a, SplittableRandom rnd) {
        int day = 1 + rnd.nextInt(Math.max(1, o.days() - 1));
        int startHour = a.shift().equals("EARLY") ? EARLY_START_HOUR : LATE_START_HOUR;
        return o.end().plus(Duration.ofDays(day)).plus(Duration.ofHours(startHour))
                .plusSeconds(rnd.nextInt(SHIFT_HOURS * 3600));
    }

    static boolean works(AgentProfile a, int day) {
        return (day + a.dayOffset()) % 7 < 5;
    }

    private static List<Signal.Interaction> shift(GeneratorOptions o, AgentProfile a, int day, int n,
                                                  SplittableRandom rnd, Ids ids, String capacityTeam,
                                                  List<Signal> out, Instant weekEnd) {
        Instant dayStart = o.start().plus(Duration.ofDays(day));
        Instant shiftStart = dayStart.plus(Duration.ofHours(a.shift().equals("EARLY") ? EARLY_START_HOUR : LATE_START_HOUR));
        Instant shiftEnd = shiftStart.plus(Duration.ofHours(SHIFT_HOURS));
        // planned breaks: 15 min after 2 h, 30 min after 4 h, 15 min after 6 h
        long[][] planned = a.takesBreaks() ? new long[][]{{2 * 3600, 15 * 60}, {4 * 3600, 30 * 60}, {6 * 3600, 15 * 60}}
                : new long[0][];
        long breakSeconds = 0;
        for (long[] b : planned) {
            breakSeconds += b[1];
        }
        List<Draft> drafts = new ArrayList<>();
        long busy = 0;
        for (int i = 0; i < n; i++) {
            Draft d = draft(a, rnd);
            drafts.add(d);
            busy += d.baseTalk + d.baseHoldGuess + d.baseAcw;
        }
        long slack = SHIFT_HOURS * 3600L - breakSeconds - busy;
        long meanIdle = a.backToBack() ? 4 : Math.max(5, slack / Math.max(1, n));
        List<Signal.Interaction> calls = new ArrayList<>();
        List<Signal.Break> breaks = new ArrayList<>();
        int nextBreak = 0;
        Instant cursor = shiftStart.plusSeconds(rnd.nextInt(120));
        for (Draft d : drafts) {
            if (nextBreak < planned.length && !cursor.isBefore(shiftStart.plusSeconds(planned[nextBreak][0]))) {
                Instant bEnd = cursor.plusSeconds(planned[nextBreak][1]);
                breaks.add(new Signal.Break(cursor, bEnd, planned[nextBreak][1] >= 1800 ? "lunch" : "break"));
                cursor = bEnd.plusSeconds(rnd.nextInt(60));
                nextBreak++;
            }
            int hour = cursor.atZone(ZoneOffset.UTC).getHour();
            boolean understaffed = a.teamId().equals(capacityTeam)
                    && hour >= Scenarios.UNDERSTAFFED_FROM_HOUR && hour < Scenarios.UNDERSTAFFED_TO_HOUR;
            Signal.Interaction c = complete(a, d, cursor, understaffed, rnd, ids);
            calls.add(c);
            out.add(c);
            extras(a, c, rnd, ids, out, weekEnd);
            long idle = a.backToBack() ? 2 + rnd.nextInt(5) : (long) (meanIdle * (0.5 + rnd.nextDouble()));
            cursor = c.endedAt().plusSeconds(idle);
        }
        double adherence = clamp(normal(rnd, a.adherence(), 0.015), 0.5, 1.0);
        Instant end = cursor.isAfter(shiftEnd) ? cursor : shiftEnd;
        // nuisance: some agent-days have no adherence record (the WFM export missed them); never the no-recovery
        // agent's (back to back), whose missing breaks are the planted situation
        if (a.backToBack() || rnd.nextDouble() >= ADHERENCE_MISSING) {
            out.add(new Signal.Adherence(ids.next("ad"), min(end.plusSeconds(600), weekEnd), a.agentId(), a.teamId(),
                    shiftStart, end, round(adherence * 100, 1), !breaks.isEmpty(), breaks));
        }
        return calls;
    }

    /** The parts of a contact decided before it is placed in time. */
    private record Draft(String channel, String queue, String reason, int baseTalk, int baseHoldGuess, int baseAcw,
                         boolean hard) {
    }

    private static Draft draft(AgentProfile a, SplittableRandom rnd) {
        String channel = a.backToBack() ? "voice" : pickChannel(rnd);
        boolean hard = rnd.nextDouble() < a.hardQueueShare();
        String reason;
        String queue;
        if (hard) {
            reason = rnd.nextBoolean() ? "cancellation" : "complaint";
            queue = Scenarios.HARDEST_QUEUE;
        } else {
            reason = REASONS[pickIndex(rnd, reasonMix(a.teamId()))];
            queue = switch (reason) {
                case "billing-question", "billing-dispute", "payment" -> "billing";
                case "technical-issue" -> "tech-support";
                default -> "general";
            };
        }
        double talkMedian = switch (reason) {
            case "billing-dispute" -> 380;
            case "complaint" -> 420;
            case "technical-issue" -> 400;
            case "account-change" -> 200;
            case "payment" -> 150;
            case "cancellation" -> 460;
            default -> 240;
        };
        if (channel.equals("chat")) {
            talkMedian *= 1.4;
        } else if (channel.equals("email")) {
            talkMedian = 180;
        }
        int talk = (int) Math.round(clamp(lognormal(rnd, talkMedian, 0.45), 30, 3600));
        int acw = (int) Math.round(clamp(lognormal(rnd, a.acwMedianSeconds() * (channel.equals("email") ? 0.5 : 1), 0.35), 5, 1800));
        return new Draft(channel, queue, reason, talk, (int) (a.holdProbability() * a.holdMeanSeconds()), acw, hard);
    }

    private static Signal.Interaction complete(AgentProfile a, Draft d, Instant start, boolean understaffed,
                                               SplittableRandom rnd, Ids ids) {
        double holdP = a.holdProbability();
        double holdMean = a.holdMeanSeconds();
        double acw = d.baseAcw;
        double transferP = a.transferRate();
        if (understaffed) { // nobody free to ask, knowledge lookups under pressure, callers queued behind
            // hold time per contact x MDE_CAPACITY_HOLD_RATIO: planted at the documented MDE, not far above it
            holdP = Math.min(0.85, holdP * Scenarios.UNDERSTAFFED_HOLD_LIKELIER);
            holdMean *= Scenarios.MDE_CAPACITY_HOLD_RATIO / Scenarios.UNDERSTAFFED_HOLD_LIKELIER;
            acw *= 1.2;
            transferP = Math.min(0.5, transferP * 1.8);
        }
        int holdCount = 0;
        int hold = 0;
        if (!d.channel.equals("email") && rnd.nextDouble() < holdP) {
            holdCount = rnd.nextDouble() < 0.3 ? 2 : 1;
            for (int h = 0; h < holdCount; h++) {
                hold += (int) Math.round(clamp(-holdMean * Math.log(1 - rnd.nextDouble()), 5, 900));
            }
        }
        int transfers = rnd.nextDouble() < transferP ? (rnd.nextDouble() < 0.1 ? 2 : 1) : 0;
        boolean repeat = rnd.nextDouble() < (d.reason.equals("billing-dispute") ? a.repeatBillingDispute() : a.repeatOther());
        double escP = switch (d.reason) {
            case "complaint" -> 0.07;
            case "cancellation" -> 0.05;
            default -> 0.01;
        };
        double abuseP = d.reason.equals("complaint") || d.reason.equals("cancellation") ? 0.03 : 0.004;
        if (d.hard) {
            escP *= 3;
            abuseP *= 3;
        }
        boolean escalated = rnd.nextDouble() < escP;
        boolean abusive = rnd.nextDouble() < abuseP;
        String disposition = escalated ? "escalated" : transfers > 0 ? "transferred"
                : rnd.nextDouble() < 0.12 ? "follow-up-required" : "resolved";
        Instant startedAt = start;
        int acwSeconds = (int) Math.round(acw);
        Instant ended = startedAt.plusSeconds((long) d.baseTalk + hold + acwSeconds);
        return new Signal.Interaction(ids.next("ix"), ended, ids.interaction(), a.agentId(), a.teamId(), d.channel,
                d.queue, d.reason, startedAt, d.baseTalk, hold, holdCount, acwSeconds, transfers, disposition, repeat,
                escalated, abusive);
    }

    /** Sentiment, survey, automated QA and transcript of one contact. */
    private static void extras(AgentProfile a, Signal.Interaction c, SplittableRandom rnd, Ids ids, List<Signal> out,
                               Instant weekEnd) {
        String reason = c.contactReason();
        if (!c.channel().equals("email") && rnd.nextDouble() >= SENTIMENT_MISSING) {
            double s = switch (reason) {
                case "complaint" -> -0.35;
                case "cancellation" -> -0.3;
                case "billing-dispute" -> -0.15;
                case "technical-issue" -> 0.0;
                default -> 0.3;
            };
            if (c.queue().equals(Scenarios.HARDEST_QUEUE)) {
                s -= 0.15;
            }
            if (c.escalated()) {
                s -= 0.3;
            }
            if (c.abusiveCustomer()) {
                s -= 0.5;
            }
            s = clamp(normal(rnd, s, 0.25), -1, 1);
            out.add(new Signal.Sentiment(ids.next("se"), min(c.endedAt().plusSeconds(20), weekEnd), c.interactionId(),
                    round(s, 2)));
        }
        if (rnd.nextDouble() < (c.channel().equals("email") ? 0.15 : 0.25)) {
            double adj = switch (reason) {
                case "complaint" -> -0.6;
                case "cancellation" -> -0.7;
                case "billing-dispute" -> -0.3;
                default -> 0;
            };
            if (c.repeatContact()) {
                adj -= 0.3;
            }
            if (c.escalated()) {
                adj -= 0.5;
            }
            int csat = (int) Math.round(clamp(normal(rnd, a.csatMean() + adj, 0.6), 1, 5));
            double[] npsBase = {0, 1, 3, 6, 8, 9.5};
            int nps = (int) Math.round(clamp(normal(rnd, npsBase[csat], 0.8), 0, 10));
            out.add(new Signal.Survey(ids.next("sv"), min(c.endedAt().plusSeconds(1800 + rnd.nextInt(3600)), weekEnd),
                    c.interactionId(), csat, nps));
        }
        if (!c.channel().equals("email") && (reason.equals("complaint") || reason.equals("billing-dispute"))
                && rnd.nextDouble() < AUTOMATED_QA_SHARE) {
            out.add(qa(ids, a, c, "speech-analytics", true, min(c.endedAt().plusSeconds(300), weekEnd), rnd));
        }
        if (!c.channel().equals("email")) {
            boolean billing = reason.startsWith("billing") || reason.equals("payment");
            if (rnd.nextDouble() < (billing ? TRANSCRIPT_SHARE_BILLING : TRANSCRIPT_SHARE_OTHER)) {
                String pan = billing && rnd.nextDouble() < CARD_SHARE_IN_BILLING_TRANSCRIPTS ? CardNumbers.newPan(rnd) : null;
                CardNumbers.Form form = CardNumbers.Form.values()[rnd.nextInt(CardNumbers.Form.values().length)];
                out.add(new Signal.Transcript(ids.next("tr"), min(c.endedAt().plusSeconds(60), weekEnd),
                        c.interactionId(), a.agentId(), a.teamId(), TranscriptWriter.write(rnd, reason, pan, form)));
            }
        }
    }

    private static Signal.QaEvaluation qa(Ids ids, AgentProfile a, Signal.Interaction c, String evaluator,
                                          boolean automated, Instant at, SplittableRandom rnd) {
        boolean complaint = c.contactReason().equals("complaint");
        double empathy = score(rnd, complaint ? a.empathyComplaints() : a.empathyOther());
        List<Signal.Criterion> criteria = List.of(
                new Signal.Criterion("greeting", score(rnd, a.quality() + 5)),
                new Signal.Criterion("empathy", empathy),
                new Signal.Criterion("resolution", score(rnd, a.quality())),
                new Signal.Criterion("compliance", score(rnd, a.quality() + 3)));
        boolean dispute = c.contactReason().equals("billing-dispute");
        List<Signal.ChecklistItem> checklist = List.of(
                new Signal.ChecklistItem("identity-verification", rnd.nextDouble() < 0.97),
                new Signal.ChecklistItem("confirmation-statement", rnd.nextDouble() < (dispute ? a.confirmationRate() : 0.95)),
                new Signal.ChecklistItem("recap-next-steps", rnd.nextDouble() < 0.9));
        double mean = criteria.stream().mapToDouble(Signal.Criterion::score).average().orElse(0);
        long passed = checklist.stream().filter(Signal.ChecklistItem::passed).count();
        double total = round(mean * (0.85 + 0.15 * passed / checklist.size()), 1);
        return new Signal.QaEvaluation(ids.next("qa"), at, ids.evaluation(), c.interactionId(), a.agentId(),
                a.teamId(), evaluator, automated, criteria, checklist, total);
    }

    private static void staffing(GeneratorOptions o, List<AgentProfile> agents, String capacityTeam,
                                 SplittableRandom rnd, Ids ids, List<Signal> out) {
        for (int d = 0; d < o.days(); d++) {
            Instant dayStart = o.start().plus(Duration.ofDays(d));
            for (String team : o.teams()) {
                for (int slot = STAFFING_FROM_HOUR * 2; slot < STAFFING_TO_HOUR * 2; slot++) {
                    Instant from = dayStart.plus(Duration.ofMinutes(30L * slot));
                    int hour = slot / 2;
                    int onShift = 0;
                    for (AgentProfile a : agents) {
                        int startHour = a.shift().equals("EARLY") ? EARLY_START_HOUR : LATE_START_HOUR;
                        if (a.teamId().equals(team) && works(a, d) && hour >= startHour && hour < startHour + SHIFT_HOURS) {
                            onShift++;
                        }
                    }
                    if (onShift == 0) {
                        continue;
                    }
                    boolean understaffed = team.equals(capacityTeam)
                            && hour >= Scenarios.UNDERSTAFFED_FROM_HOUR && hour < Scenarios.UNDERSTAFFED_TO_HOUR;
                    for (int q = 0; q < QUEUES.length; q++) {
                        int scheduled = Math.max(1, (int) Math.round(onShift * QUEUE_STAFF_SHARE[q]));
                        int required;
                        double occupancy;
                        if (understaffed) {
                            required = (int) Math.ceil(scheduled * 1.5) + 1;
                            occupancy = 0.95 + rnd.nextDouble() * 0.04;
                        } else {
                            // nuisance: every team runs constantly a little short (one agent, half the intervals),
                            // without any effect on behavior: not a capacity problem worth a gap
                            required = scheduled + (rnd.nextDouble() < MILD_SHORTFALL_SHARE ? 1 : 0);
                            occupancy = 0.82 + rnd.nextDouble() * 0.1;
                        }
                        Instant to = from.plus(Duration.ofMinutes(30));
                        out.add(new Signal.Staffing(ids.next("st"), to, team, QUEUES[q], from, to, scheduled, required,
                                round(occupancy, 3)));
                    }
                }
            }
        }
    }

    private static String monitorOf(GeneratorOptions o, AgentProfile a) {
        int t = o.teams().indexOf(a.teamId());
        return t == 0 ? "supervisor1" : t == 1 ? "supervisor2" : "qa1";
    }

    /** Ids are the run's prefix, a short kind code and a sequence number: unique per run, never card-shaped. */
    static final class Ids {
        private final String prefix;
        private final Map<String, Integer> seq = new LinkedHashMap<>();
        private int interactions;
        private int evaluations;

        Ids(String prefix) {
            this.prefix = prefix;
        }

        String next(String kind) {
            int n = seq.merge(kind, 1, Integer::sum);
            return prefix + "-" + kind + "-" + n;
        }

        String interaction() {
            return "ix-" + prefix + "-" + (++interactions);
        }

        String evaluation() {
            return "ev-" + prefix + "-" + (++evaluations);
        }
    }

    // ---- small numeric helpers ----

    static int[] apportion(int total, List<Double> weights) {
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        int[] out = new int[weights.size()];
        double[] frac = new double[weights.size()];
        int given = 0;
        for (int i = 0; i < out.length; i++) {
            double exact = total * weights.get(i) / sum;
            out[i] = (int) Math.floor(exact);
            frac[i] = exact - out[i];
            given += out[i];
        }
        // largest remainders first; ties by position, so the result is deterministic
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            order.add(i);
        }
        order.sort((x, y) -> frac[y] != frac[x] ? Double.compare(frac[y], frac[x]) : Integer.compare(x, y));
        for (int k = 0; given < total; k++, given++) {
            out[order.get(k % out.length)]++;
        }
        return out;
    }

    private static <T> List<T> pick(SplittableRandom rnd, List<T> from, int n) {
        List<T> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        n = Math.min(n, from.size());
        while (out.size() < n) {
            int i = rnd.nextInt(from.size());
            if (used.add(i)) {
                out.add(from.get(i));
            }
        }
        return out;
    }

    private static String pickChannel(SplittableRandom rnd) {
        double x = rnd.nextDouble();
        return x < 0.7 ? "voice" : x < 0.9 ? "chat" : "email";
    }

    private static int pickIndex(SplittableRandom rnd, double[] p) {
        double x = rnd.nextDouble();
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (x < acc) {
                return i;
            }
        }
        return p.length - 1;
    }

    static double normal(SplittableRandom rnd, double mean, double sd) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double lognormal(SplittableRandom rnd, double median, double sigma) {
        return median * Math.exp(normal(rnd, 0, sigma));
    }

    private static double score(SplittableRandom rnd, double mean) {
        return round(clamp(normal(rnd, mean, 7), 0, 100), 1);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
