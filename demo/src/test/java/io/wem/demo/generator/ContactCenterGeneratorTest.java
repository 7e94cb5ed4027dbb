package io.wem.demo.generator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactCenterGeneratorTest {

    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    static GeneratorOptions options;
    static GeneratedWeek week;

    @BeforeAll
    static void generate() {
        options = new GeneratorOptions(42, GeneratorOptions.DEFAULT_TEAMS, 60, 20_000, START, 7, "s42", true);
        week = ContactCenterGenerator.generate(options);
    }

    @Test
    void sameSeedGivesTheSameSignalsAndAnotherSeedDoesNot() {
        List<String> again = ContactCenterGenerator.generate(options).signals().stream().map(SignalJson::toJson).toList();
        assertEquals(week.signals().stream().map(SignalJson::toJson).toList(), again);
        GeneratorOptions other = new GeneratorOptions(43, GeneratorOptions.DEFAULT_TEAMS, 60, 20_000, START, 7, "s42", true);
        assertNotEquals(again, ContactCenterGenerator.generate(other).signals().stream().map(SignalJson::toJson).toList());
    }

    @Test
    void volumesTeamsAgentsAndKinds() {
        List<Signal.Interaction> ix = week.ofType(Signal.Interaction.class);
        assertEquals(20_000, ix.size());
        assertEquals(60, ix.stream().map(Signal.Interaction::agentId).distinct().count());
        assertEquals(Set.of("team-north", "team-south", "team-east"),
                ix.stream().map(Signal.Interaction::teamId).collect(Collectors.toSet()));
        for (String team : options.teams()) {
            assertEquals(20, week.roster().stream().filter(a -> a.teamId().equals(team)).count(), team);
        }
        for (Class<? extends Signal> kind : List.of(Signal.QaEvaluation.class, Signal.Survey.class,
                Signal.Sentiment.class, Signal.Adherence.class, Signal.Staffing.class, Signal.Transcript.class,
                Signal.LiveMonitoring.class)) {
            assertFalse(week.ofType(kind).isEmpty(), kind.getSimpleName());
        }
        assertEquals(week.signals().size(), week.signals().stream().map(Signal::eventId).distinct().count(),
                "event ids are unique");
        assertEquals(ix.size(), ix.stream().map(Signal.Interaction::interactionId).distinct().count());
        String capped = week.scenario(Scenarios.MONITORING_CAP).agentId();
        assertTrue(week.signals().stream().filter(s -> !capped.equals(s.agentIdOrNull()))
                .allMatch(s -> !s.occurredAt().isBefore(START) && s.occurredAt().isBefore(options.end())),
                "every signal inside the week (but the capped agent's later monitoring, see plantedF)");
        Set<String> reasons = ix.stream().map(Signal.Interaction::contactReason).collect(Collectors.toSet());
        assertTrue(reasons.containsAll(Set.of("complaint", "billing-dispute", "cancellation")), reasons.toString());
        assertTrue(ix.stream().map(Signal.Interaction::channel).collect(Collectors.toSet())
                .containsAll(Set.of("voice", "chat", "email")));
        // realistic handle times: median talk a few minutes, ACW about a minute
        assertTrue(between(median(ix, i -> i.talkSeconds()), 180, 420));
        assertTrue(between(median(ix, i -> i.acwSeconds()), 35, 90));
    }

    @Test
    void plantedA_longWrapUpWithTopSatisfaction() {
        String agent = week.scenario(Scenarios.ACW_TOP_CSAT).agentId();
        assertEquals("agent-north-01", agent);
        double own = median(interactions(i -> i.agentId().equals(agent)), i -> i.acwSeconds());
        double team = median(interactions(i -> i.teamId().equals("team-north") && !i.agentId().equals(agent)), i -> i.acwSeconds());
        assertTrue(own > 2.5 * team, own + " vs team " + team);
        Map<String, Double> csat = meanBy(week.ofType(Signal.Survey.class), s -> agentOf(s.interactionId()), s -> (double) s.csat());
        assertEquals(agent, csat.entrySet().stream().filter(e -> e.getKey().startsWith("agent-north"))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey(), "top CSAT of the team");
    }

    @Test
    void plantedB_weakEmpathyOnComplaintsOnly() {
        String agent = week.scenario(Scenarios.COMPLAINT_EMPATHY).agentId();
        Set<String> complaints = interactions(i -> i.contactReason().equals("complaint")).stream()
                .map(Signal.Interaction::interactionId).collect(Collectors.toSet());
        List<Signal.QaEvaluation> evals = week.ofType(Signal.QaEvaluation.class);
        double ownComplaint = empathy(evals, e -> e.agentId().equals(agent) && complaints.contains(e.interactionId()));
        double teamComplaint = empathy(evals, e -> e.teamId().equals("team-south") && !e.agentId().equals(agent)
                && complaints.contains(e.interactionId()));
        double ownOther = empathy(evals, e -> e.agentId().equals(agent) && !complaints.contains(e.interactionId()));
        assertTrue(ownComplaint < teamComplaint - 25, ownComplaint + " vs " + teamComplaint);
        assertTrue(Math.abs(ownOther - teamComplaint) < 12, "normal on other contacts: " + ownOther);
        assertTrue(evals.stream().filter(e -> e.agentId().equals(agent) && complaints.contains(e.interactionId())).count() >= 15,
                "enough evaluated complaints for a statistical guard");
    }

    @Test
    void plantedC_billingDisputesRepeatAcrossOneTeam() {
        PlantedScenario c = week.scenario(Scenarios.BILLING_KNOWLEDGE_GAP);
        assertEquals(16, c.agentIds().size());
        // pooled over the affected agents; one by one a few have few disputes (team-east's own reason mix)
        assertTrue(repeatRate(i -> c.agentIds().contains(i.agentId())) > 0.35);
        assertTrue(c.agentIds().stream().filter(agent -> repeatRate(i -> i.agentId().equals(agent)) > 0.25).count() >= 13);
        assertTrue(repeatRate(i -> !i.teamId().equals("team-east")) < 0.12);
        assertEquals("PROCESS", c.expectedGapType());
    }

    @Test
    void plantedD_understaffedAfternoonsDegradeHoldsAndTransfers() {
        PlantedScenario d = week.scenario(Scenarios.UNDERSTAFFED_AFTERNOON);
        List<Signal.Staffing> south = week.ofType(Signal.Staffing.class).stream()
                .filter(s -> s.teamId().equals("team-south")).toList();
        assertTrue(south.stream().filter(s -> afternoon(s.intervalStart())).allMatch(s -> s.requiredAgents() > s.scheduledAgents()));
        assertTrue(south.stream().filter(s -> !afternoon(s.intervalStart())).allMatch(s -> s.requiredAgents() <= s.scheduledAgents() + 1));
        // nuisance: every team is constantly a little short (one agent in about half the intervals), never more
        List<Signal.Staffing> others = week.ofType(Signal.Staffing.class).stream().filter(s -> !s.teamId().equals("team-south")).toList();
        assertTrue(others.stream().allMatch(s -> s.requiredAgents() <= s.scheduledAgents() + 1), "others at most one short");
        long shortOnes = others.stream().filter(s -> s.requiredAgents() > s.scheduledAgents()).count();
        assertTrue(shortOnes > 0.35 * others.size() && shortOnes < 0.65 * others.size(), shortOnes + " of " + others.size());
        double pm = mean(interactions(i -> i.teamId().equals("team-south") && afternoon(i.startedAt())), i -> i.holdSeconds());
        double am = mean(interactions(i -> i.teamId().equals("team-south") && !afternoon(i.startedAt())), i -> i.holdSeconds());
        // planted at the capacity MDE (hold time per contact x 2.5; the morning has some afternoon hours' agents too)
        assertTrue(pm > 0.75 * Scenarios.MDE_CAPACITY_HOLD_RATIO * am && pm < 1.25 * Scenarios.MDE_CAPACITY_HOLD_RATIO * am, pm + " vs " + am);
        double pmT = mean(interactions(i -> i.teamId().equals("team-south") && afternoon(i.startedAt())), i -> i.transfers());
        double amT = mean(interactions(i -> i.teamId().equals("team-south") && !afternoon(i.startedAt())), i -> i.transfers());
        assertTrue(pmT > 1.3 * amT, pmT + " vs " + amT);
        assertTrue(d.agentIds().stream().allMatch(a -> week.roster().stream()
                .anyMatch(p -> p.agentId().equals(a) && p.shift().equals("LATE"))));
    }

    @Test
    void plantedE_strongPerformerOnHardestQueueWithoutRecovery() {
        String agent = week.scenario(Scenarios.HARDEST_QUEUE_NO_RECOVERY).agentId();
        assertEquals("agent-north-05", agent);
        List<Signal.Interaction> own = interactions(i -> i.agentId().equals(agent));
        assertTrue(own.stream().filter(i -> i.queue().equals("retention")).count() > 0.8 * own.size());
        assertTrue(week.ofType(Signal.Adherence.class).stream().filter(a -> a.agentId().equals(agent))
                .allMatch(a -> a.breaks().isEmpty()), "no breaks");
        assertTrue(week.ofType(Signal.Adherence.class).stream().filter(a -> !a.agentId().equals(agent))
                .allMatch(a -> a.breaks().size() == 3), "everyone else takes breaks");
        assertEquals(5, week.ofType(Signal.Adherence.class).stream().filter(a -> a.agentId().equals(agent)).count(),
                "the planted agent's adherence is never missing");
        // back to back: every next contact of the day starts within 10 seconds of the previous one's end
        List<Signal.Interaction> sorted = own.stream().sorted(Comparator.comparing(Signal.Interaction::startedAt)).toList();
        for (int k = 1; k < sorted.size(); k++) {
            long gap = sorted.get(k).startedAt().getEpochSecond() - sorted.get(k - 1).endedAt().getEpochSecond();
            assertTrue(gap > 3600 || gap <= 10, "gap " + gap);
        }
        Map<String, Double> sentiment = meanBy(week.ofType(Signal.Sentiment.class), s -> agentOf(s.interactionId()),
                Signal.Sentiment::score);
        assertEquals(agent, sentiment.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey(),
                "most negative sentiment of all agents");
        Map<String, Double> qa = meanBy(week.ofType(Signal.QaEvaluation.class), Signal.QaEvaluation::agentId,
                Signal.QaEvaluation::totalScore);
        assertEquals(agent, qa.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey(), "top QA");
    }

    @Test
    void plantedF_agentAlreadyAtTheMonitoringCap() {
        String agent = week.scenario(Scenarios.MONITORING_CAP).agentId();
        List<Signal> monitoring = week.signals().stream().filter(x -> x instanceof Signal.LiveMonitoring m
                && m.agentId().equals(agent) || x instanceof Signal.QaEvaluation e && e.agentId().equals(agent)
                && !e.automated()).toList();
        assertEquals(Scenarios.MONITORING_CAP_HUMAN_QA, monitoring.stream().filter(x -> x instanceof Signal.QaEvaluation).count());
        assertEquals(Scenarios.MONITORING_CAP_LIVE_SESSIONS, monitoring.stream().filter(x -> x instanceof Signal.LiveMonitoring).count());
        // all of it in the days after the week (inside the guardrail's window at replay time) and sent first
        monitoring.forEach(m -> assertTrue(m.occurredAt().isAfter(options.end().plus(java.time.Duration.ofDays(1)))
                && m.occurredAt().isBefore(options.end().plus(java.time.Duration.ofDays(7))), m.toString()));
        assertEquals(Set.copyOf(monitoring), Set.copyOf(week.signals().subList(0, monitoring.size())));
        // and not again in the follow-up week, which covers the same days
        GeneratedWeek next = ContactCenterGenerator.followUp(options, new FollowUpPlan(Set.of(agent), false, false));
        assertEquals(0, next.ofType(Signal.LiveMonitoring.class).stream().filter(m -> m.agentId().equals(agent)).count());
        long maxOtherLive = week.ofType(Signal.LiveMonitoring.class).stream().filter(m -> !m.agentId().equals(agent))
                .collect(Collectors.groupingBy(Signal.LiveMonitoring::agentId, Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
        assertTrue(maxOtherLive <= 1);
        assertTrue(mean(interactions(i -> i.agentId().equals(agent)), i -> i.holdSeconds())
                > (Scenarios.MDE_HOLD_RATIO - 0.5)
                * mean(interactions(i -> i.teamId().equals("team-east") && !i.agentId().equals(agent)), i -> i.holdSeconds()));
        assertEquals("DEFER", week.scenario(Scenarios.MONITORING_CAP).expectedGuardrail());
    }

    @Test
    void cardNumbersOnlyInTranscriptsAndAllLuhnValid() {
        List<String> pans = new ArrayList<>();
        int withCard = 0;
        int spoken = 0;
        for (Signal.Transcript t : week.ofType(Signal.Transcript.class)) {
            List<String> digits = CardNumbers.digitPansIn(t.text());
            List<String> words = CardNumbers.spokenPansIn(t.text());
            if (!digits.isEmpty() || !words.isEmpty()) {
                withCard++;
            }
            if (!words.isEmpty() && digits.isEmpty()) {
                spoken++;
            }
            pans.addAll(digits);
            pans.addAll(words);
        }
        int transcripts = week.ofType(Signal.Transcript.class).size();
        assertTrue(withCard >= 100, "card numbers in " + withCard + " transcripts");
        assertTrue(spoken >= 30, "spoken card numbers in " + spoken + " transcripts");
        assertTrue(transcripts - withCard > 3 * withCard, "most transcripts carry no card number");
        assertTrue(pans.stream().allMatch(CardNumbers::luhnValid));
        assertTrue(pans.stream().allMatch(p -> p.length() == 15 || p.length() == 16));
        for (Signal s : week.signals()) {
            if (!(s instanceof Signal.Transcript)) {
                String json = SignalJson.toJson(s);
                assertTrue(CardNumbers.digitPansIn(json).isEmpty() && CardNumbers.spokenPansIn(json).isEmpty(), json);
            }
        }
    }

    @Test
    void cardNumberFormsAreLuhnValidAndReadBack() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            String pan = CardNumbers.newPan(rnd);
            assertTrue(CardNumbers.luhnValid(pan), pan);
            for (CardNumbers.Form form : CardNumbers.Form.values()) {
                String text = "Customer: it is " + CardNumbers.render(pan, form) + ". Agent: thanks";
                List<String> found = new ArrayList<>(CardNumbers.digitPansIn(text));
                found.addAll(CardNumbers.spokenPansIn(text));
                assertTrue(found.contains(pan), form + ": " + text);
            }
        }
        assertTrue(CardNumbers.luhnValid("4111111111111111"));
        assertFalse(CardNumbers.luhnValid("4111111111111112"));
        assertEquals("four triple one double oh five", CardNumbers.render("4111005", CardNumbers.Form.SPOKEN_WITH_OH_AND_DOUBLES));
        assertEquals("4111 1111 1111 1111", CardNumbers.render("4111111111111111", CardNumbers.Form.SPACED));
        assertEquals("3782-822463-10005", CardNumbers.render("378282246310005", CardNumbers.Form.DASHED));
    }

    @Test
    void followUpWeekImprovesSomeCoachedAgentsAndDriftsOneTeam() {
        String a = week.scenario(Scenarios.ACW_TOP_CSAT).agentId();
        String b = week.scenario(Scenarios.COMPLAINT_EMPATHY).agentId();
        FollowUpPlan plan = new FollowUpPlan(Set.of(a, b, "agent-east-03", "agent-east-04"), true, true);
        GeneratedWeek next = ContactCenterGenerator.followUp(options, plan);
        assertEquals(Map.of(a, true, b, false, "agent-east-03", true, "agent-east-04", false), next.outcomes());
        assertEquals(options.end(), next.options().start());
        assertTrue(next.signals().stream().allMatch(s -> !s.occurredAt().isBefore(options.end())));
        Set<String> firstIds = week.signals().stream().map(Signal::eventId).collect(Collectors.toSet());
        assertTrue(next.signals().stream().noneMatch(s -> firstIds.contains(s.eventId())), "new event ids");

        double acwBefore = median(interactions(i -> i.agentId().equals(a)), i -> i.acwSeconds());
        double acwAfter = median(next.ofType(Signal.Interaction.class).stream().filter(i -> i.agentId().equals(a)).toList(),
                i -> i.acwSeconds());
        assertTrue(acwAfter < acwBefore / 2, acwBefore + " -> " + acwAfter);

        Set<String> complaints2 = next.ofType(Signal.Interaction.class).stream()
                .filter(i -> i.contactReason().equals("complaint")).map(Signal.Interaction::interactionId)
                .collect(Collectors.toSet());
        List<Signal.QaEvaluation> evals2 = next.ofType(Signal.QaEvaluation.class);
        double bAfter = empathy(evals2, e -> e.agentId().equals(b) && complaints2.contains(e.interactionId()));
        double teamAfter = empathy(evals2, e -> e.teamId().equals("team-south") && !e.agentId().equals(b)
                && complaints2.contains(e.interactionId()));
        assertTrue(bAfter > 45 + FollowUpPlan.TEAM_EMPATHY_DRIFT / 2, "the team drift lifts b too: " + bAfter);
        assertTrue(bAfter < teamAfter - 25, "but b stays far below the team: " + bAfter + " vs " + teamAfter);

        double eastRepeat = next.ofType(Signal.Interaction.class).stream()
                .filter(i -> i.teamId().equals("team-east") && i.contactReason().equals("billing-dispute"))
                .mapToDouble(i -> i.repeatContact() ? 1 : 0).average().orElseThrow();
        assertTrue(eastRepeat < 0.15, "process fixed: " + eastRepeat);
        assertTrue(next.ofType(Signal.Staffing.class).stream().allMatch(s -> s.requiredAgents() <= s.scheduledAgents() + 1),
                "staffing fixed: back to the constant mild shortfall of every team");
    }

    @Test
    void ndjsonRoundTripKeepsEverySignal(@TempDir Path dir) throws Exception {
        GeneratorOptions small = new GeneratorOptions(5, GeneratorOptions.DEFAULT_TEAMS, 30, 600, START, 2, "t5", true);
        GeneratedWeek w = ContactCenterGenerator.generate(small);
        Path file = dir.resolve("w.ndjson");
        SignalJson.writeNdjson(w.signals(), file);
        assertEquals(w.signals(), SignalJson.readNdjson(file));
        String first = java.nio.file.Files.readAllLines(file).get(0);
        assertTrue(first.startsWith("{\"kind\":\""), first);
        assertTrue(first.contains("\"occurredAt\":\"2026-03-0"), first);
    }

    @Test
    void badOptionsAreRejectedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new GeneratorOptions(1, List.of("a", "b"), 60, 100, START, 7, "s1", true));
        assertTrue(e.getMessage().startsWith("teams"));
        e = assertThrows(IllegalArgumentException.class, () ->
                new GeneratorOptions(1, GeneratorOptions.DEFAULT_TEAMS, 12, 100, START, 7, "s1", true));
        assertTrue(e.getMessage().startsWith("agents"));
        e = assertThrows(IllegalArgumentException.class, () ->
                new GeneratorOptions(1, GeneratorOptions.DEFAULT_TEAMS, 60, 10, START, 7, "s1", true));
        assertTrue(e.getMessage().startsWith("interactions"));
        // without scenarios a tiny contact center is fine (benchmarks may want any size)
        assertEquals(40, ContactCenterGenerator.generate(
                new GeneratorOptions(1, GeneratorOptions.DEFAULT_TEAMS, 3, 40, START, 1, "s1", false))
                .ofType(Signal.Interaction.class).size());
    }

    // ---- helpers ----

    static boolean afternoon(Instant t) {
        int h = t.atZone(ZoneOffset.UTC).getHour();
        return h >= Scenarios.UNDERSTAFFED_FROM_HOUR && h < Scenarios.UNDERSTAFFED_TO_HOUR;
    }

    static String agentOf(String interactionId) {
        if (agentByInteraction == null) {
            agentByInteraction = week.ofType(Signal.Interaction.class).stream()
                    .collect(Collectors.toMap(Signal.Interaction::interactionId, Signal.Interaction::agentId));
        }
        return agentByInteraction.get(interactionId);
    }

    static Map<String, String> agentByInteraction;

    static List<Signal.Interaction> interactions(Predicate<Signal.Interaction> p) {
        return week.ofType(Signal.Interaction.class).stream().filter(p).toList();
    }

    double repeatRate(Predicate<Signal.Interaction> p) {
        return interactions(p.and(i -> i.contactReason().equals("billing-dispute"))).stream()
                .mapToDouble(i -> i.repeatContact() ? 1 : 0).average().orElseThrow();
    }

    static double empathy(List<Signal.QaEvaluation> evals, Predicate<Signal.QaEvaluation> p) {
        return evals.stream().filter(p).flatMap(e -> e.criteria().stream())
                .filter(c -> c.criterion().equals("empathy")).mapToDouble(Signal.Criterion::score).average().orElseThrow();
    }

    static <T> double median(List<T> xs, java.util.function.ToDoubleFunction<T> f) {
        double[] v = xs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static <T> double mean(List<T> xs, java.util.function.ToDoubleFunction<T> f) {
        return xs.stream().mapToDouble(f).average().orElseThrow();
    }

    static <T> Map<String, Double> meanBy(List<T> xs, java.util.function.Function<T, String> key,
                                          java.util.function.ToDoubleFunction<T> f) {
        return xs.stream().collect(Collectors.groupingBy(key, Collectors.averagingDouble(f)));
    }

    static boolean between(double v, double lo, double hi) {
        return v >= lo && v <= hi;
    }
}
