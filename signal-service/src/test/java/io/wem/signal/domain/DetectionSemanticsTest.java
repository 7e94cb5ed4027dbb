package io.wem.signal.domain;

import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.common.contracts.GapType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slices, change-point MOTIVATION, graded staffing, resolution with hysteresis and slice labels (issue #16). The
 * teams here use reason and queue names made up per test, nothing from the demo.
 */
class DetectionSemanticsTest {
    static final Instant END = Instant.parse("2026-11-25T00:00:00Z");
    final GapDetector detector = new GapDetector(GapDetector.Settings.defaults());

    static Behavior hold() {
        return GapDetectorTest.builtIn(BuiltInBehaviors.HOLD_USAGE);
    }

    /** Holds: 80% of calls hold, log-normal length around {@code mean} seconds (coefficient of variation ~0.7). */
    static double holdValue(Random r, double mean) {
        return r.nextDouble() < 0.8 ? mean * Math.exp(0.5 * r.nextGaussian() - 0.125) : 0;
    }

    /** 10 agents × {@code perDay} calls a day over 14 days, three reasons and two queues in a made-up vocabulary. */
    static List<Observation> team(Random r, int perDay, String odd, double oddFactor, String oddReason) {
        String[] reasons = {"zq-lapsed-card", "vv-moving-house", "kp-upgrade"};
        String[] queues = {"line-a", "line-b"};
        List<Observation> out = new ArrayList<>();
        Instant start = END.minus(Duration.ofDays(14));
        for (int a = 0; a < 10; a++) {
            String agent = "ag" + a;
            for (int d = 0; d < 14; d++) {
                for (int k = 0; k < perDay; k++) {
                    Instant at = start.plus(Duration.ofDays(d)).plusSeconds(8 * 3600 + k * 1500L);
                    String reason = reasons[r.nextInt(reasons.length)];
                    double mean = agent.equals(odd) && (oddReason == null || oddReason.equals(reason)) ? 40 * oddFactor : 40;
                    out.add(new Observation(agent, agent + "-" + d + "-" + k, at, holdValue(r, mean),
                            queues[r.nextInt(queues.length)], reason));
                }
            }
        }
        return out;
    }

    static TeamData data(List<Observation> current) {
        return new TeamData("t", END.minus(Duration.ofDays(14)), END, current, List.of(), List.of(), Map.of(), List.of());
    }

    @Test
    void holdTimeTwoAndAHalfTimesTheTeamOnOneReasonOnlyIsFoundAndLabelledWithThatReason() {
        int foundSliced = 0;
        int foundOverall = 0;
        for (long seed = 1; seed <= 10; seed++) {
            TeamData d = data(team(new Random(seed), 20, "ag3", 2.5, "vv-moving-house"));
            Assessment s = detector.assessWithSlices(hold(), d).stream().filter(a -> a.agentId().equals("ag3"))
                    .findFirst().orElseThrow();
            if (s.gap()) {
                foundSliced++;
                assertEquals("vv-moving-house", s.contactReason(), "the slice is the evidence");
            }
            foundOverall += detector.assess(hold(), d).stream().anyMatch(a -> a.gap() && a.agentId().equals("ag3")) ? 1 : 0;
        }
        assertTrue(foundSliced >= 9, "found on its reason in " + foundSliced + " of 10 teams");
        assertTrue(foundOverall < foundSliced, "diluted overall: " + foundOverall + " of 10");
    }

    @Test
    void aGapOnEveryReasonCarriesNoReasonLabel() {
        TeamData d = data(team(new Random(3), 20, "ag5", 2.5, null));
        Assessment a = detector.assessWithSlices(hold(), d).stream().filter(x -> x.agentId().equals("ag5"))
                .findFirst().orElseThrow();
        assertTrue(a.gap());
        assertNull(a.contactReason(), "not specific to a reason, so no reason label");
    }

    @Test
    void noiseOverManySlicesStaysWithinTheBudget() {
        int teamsWithAGap = 0;
        for (long seed = 100; seed < 140; seed++) {
            TeamData d = data(team(new Random(seed), 20, null, 1, null));
            teamsWithAGap += detector.assessWithSlices(hold(), d).stream().anyMatch(Assessment::gap) ? 1 : 0;
        }
        // Family-wise 1% per team; 40 teams: more than 3 would be far outside the budget.
        assertTrue(teamsWithAGap <= 3, teamsWithAGap + " of 40 null teams had a gap");
    }

    @Test
    void aRecentDropOfAnAgentWhoMetTheStandardIsMotivationWithItsEvidence() {
        Random r = new Random(11);
        List<Observation> obs = team(r, 20, null, 1, null).stream().filter(o -> !o.agentId().equals("ag2")).toList();
        List<Observation> all = new ArrayList<>(obs);
        Instant start = END.minus(Duration.ofDays(14));
        for (int d = 0; d < 14; d++) {
            for (int k = 0; k < 20; k++) {
                // Better than the team for ten days, then long holds for the last four (no earlier windows at all).
                double mean = d < 10 ? 30 : 120;
                all.add(new Observation("ag2", "x-" + d + "-" + k, start.plus(Duration.ofDays(d)).plusSeconds(30000 + k * 1500L),
                        holdValue(r, mean), "line-a", "kp-upgrade"));
            }
        }
        Assessment a = detector.assessWithSlices(hold(), data(all)).stream().filter(x -> x.agentId().equals("ag2"))
                .findFirst().orElseThrow();
        assertTrue(a.gap(), a.toString());
        assertEquals(GapType.MOTIVATION, a.gapType(), a.causeExplanation());
        assertTrue(a.causeExplanation().contains("2026-11-21"), "names the change day: " + a.causeExplanation());
        assertTrue(a.causeExplanation().contains("interval"), a.causeExplanation());
    }

    @Test
    void aPersistentGapWithoutHistoryIsSkillNotMotivation() {
        TeamData d = data(team(new Random(12), 20, "ag7", 3, null));
        Assessment a = detector.assessWithSlices(hold(), d).stream().filter(x -> x.agentId().equals("ag7"))
                .findFirst().orElseThrow();
        assertTrue(a.gap());
        assertEquals(GapType.SKILL, a.gapType());
    }

    /** Every interval one agent short of twelve, plus truly short afternoons (8 of 12) with long holds. */
    static TeamData mildlyUnderstaffed(Random r, boolean shortAfternoons, double afternoonFactor) {
        List<Observation> obs = new ArrayList<>();
        List<TeamData.StaffingInterval> staffing = new ArrayList<>();
        Instant start = END.minus(Duration.ofDays(14));
        for (int d = 0; d < 14; d++) {
            Instant day = start.plus(Duration.ofDays(d));
            for (int h = 8; h < 18; h++) {
                boolean afternoonShort = shortAfternoons && h >= 14;
                staffing.add(new TeamData.StaffingInterval(day.plusSeconds(h * 3600L), day.plusSeconds((h + 1) * 3600L),
                        null, afternoonShort ? 8 : 11, 12, null));
            }
            for (int a = 0; a < 10; a++) {
                for (int k = 0; k < 30; k++) {
                    Instant at = day.plusSeconds(8 * 3600L + k * 1200L + a * 60L);
                    boolean inShort = shortAfternoons && k >= 18;
                    obs.add(new Observation("ag" + a, "i" + a + "-" + d + "-" + k, at,
                            holdValue(r, inShort ? 40 * afternoonFactor : 40), "line-a", "kp-upgrade"));
                }
            }
        }
        return new TeamData("t", start, END, obs, List.of(), List.of(), Map.of(), staffing);
    }

    @Test
    void constantMildUnderstaffingIsTheNormalStateAndTrulyShortHoursAreCapacity() {
        List<Assessment> gaps = detector.assessWithSlices(hold(), mildlyUnderstaffed(new Random(5), true, 3))
                .stream().filter(Assessment::gap).toList();
        assertTrue(gaps.size() >= 6, "most of the team is stretched in the short hours: " + gaps.size());
        gaps.forEach(g -> assertEquals(GapType.CAPACITY, g.gapType()));
        // one short of twelve everywhere, nothing else: no gap at all
        assertFalse(detector.assessWithSlices(hold(), mildlyUnderstaffed(new Random(6), false, 1)).stream()
                .anyMatch(Assessment::gap));
    }

    /**
     * Staffing reported per queue, with one to three agents scheduled on each (a team of ten spread over four
     * queues): one agent short is then 25-50% of a queue, and busy normal hours run at up to 93% occupancy. Neither
     * is a capacity problem (behavior does not move with them); the afternoons with half the queue missing and
     * saturated agents are.
     */
    static TeamData smallQueuesUnderstaffed(Random r, double afternoonFactor) {
        List<Observation> obs = new ArrayList<>();
        List<TeamData.StaffingInterval> staffing = new ArrayList<>();
        String[] queues = {"q-one", "q-two", "q-three", "q-four"};
        int[] scheduled = {3, 2, 1, 1};
        Instant start = END.minus(Duration.ofDays(14));
        for (int d = 0; d < 14; d++) {
            Instant day = start.plus(Duration.ofDays(d));
            for (int h = 8; h < 18; h++) {
                boolean shortHour = h >= 14;
                for (int q = 0; q < queues.length; q++) {
                    int required = shortHour ? 2 * scheduled[q] + 1 : scheduled[q] + (r.nextBoolean() ? 1 : 0);
                    double occupancy = shortHour ? 0.95 + 0.04 * r.nextDouble() : 0.80 + 0.13 * r.nextDouble();
                    staffing.add(new TeamData.StaffingInterval(day.plusSeconds(h * 3600L),
                            day.plusSeconds((h + 1) * 3600L), queues[q], scheduled[q], required, occupancy));
                }
            }
            for (int a = 0; a < 10; a++) {
                for (int k = 0; k < 30; k++) {
                    Instant at = day.plusSeconds(8 * 3600L + k * 1200L + a * 60L);
                    boolean inShort = k >= 18;
                    // one call in five holds, exponential lengths; short hours: holds twice as likely and the
                    // rest of the factor in their length
                    double p = inShort ? Math.min(0.9, 0.2 * Math.min(2, afternoonFactor)) : 0.2;
                    double mean = inShort ? 45 * afternoonFactor * 0.2 / p : 45;
                    double hold = r.nextDouble() < p ? Math.max(5, -mean * Math.log(1 - r.nextDouble())) : 0;
                    obs.add(new Observation("ag" + a, "i" + a + "-" + d + "-" + k, at, hold,
                            queues[r.nextInt(queues.length)], "kp-upgrade"));
                }
            }
        }
        return new TeamData("t", start, END, obs, List.of(), List.of(), Map.of(), staffing);
    }

    @Test
    void oneAgentShortOfASmallQueueOrABusyHourIsNotUnderstaffing() {
        int found = 0;
        for (int seed = 1; seed <= 5; seed++) {
            List<Assessment> gaps = detector.assessWithSlices(hold(), smallQueuesUnderstaffed(new Random(seed), 2.5))
                    .stream().filter(Assessment::gap).toList();
            gaps.forEach(g -> assertEquals(GapType.CAPACITY, g.gapType(), g.causeExplanation()));
            found += gaps.isEmpty() ? 0 : 1; // a team CAPACITY gap names at least processMinAgents agents
        }
        assertTrue(found >= 4, "the short afternoons found as the team's CAPACITY gap in " + found + " of 5 teams");
        // the everyday one-agent shortfalls and busy hours alone: no gap at all
        assertFalse(detector.assessWithSlices(hold(), smallQueuesUnderstaffed(new Random(9), 1)).stream()
                .anyMatch(Assessment::gap));
    }

    @Property(tries = 300)
    void aShortfallOfOneAgentIsNeverUnderstaffingByItself(@ForAll @IntRange(min = 1, max = 60) int required,
                                                          @ForAll @IntRange(min = 0, max = 2) int missing) {
        TeamData.StaffingInterval s = new TeamData.StaffingInterval(END, END.plusSeconds(900), null,
                Math.max(0, required - missing), required, null);
        boolean expected = required - s.scheduled() >= 2 && s.shortfall() >= 0.15;
        assertEquals(expected, s.understaffed(0.15, 0.95), s.toString());
    }

    @Test
    void aCapacityGapDoesNotResolveOnOneNoisyReTestButOnEvidenceThatItIsOver() {
        TeamData d = mildlyUnderstaffed(new Random(7), true, 3);
        Assessment g = detector.assessWithSlices(hold(), d).stream().filter(Assessment::gap).findFirst().orElseThrow();
        Instant evidenceEnd = END.minus(Duration.ofDays(3));
        // Same situation continues: the short hours are still worse, so it does not resolve.
        Assessment notGap = g.withGap(false);
        assertNull(detector.resolution(hold(), d, g.agentId(), GapType.CAPACITY, g.baseline(), evidenceEnd, notGap));
        // Only a few hours of new data: not enough to call it over, whatever they show.
        TeamData fewHours = mildlyUnderstaffed(new Random(8), false, 1);
        assertNull(detector.resolution(hold(), fewHours, g.agentId(), GapType.CAPACITY, g.baseline(),
                END.minus(Duration.ofHours(10)), notGap));
        // Staffing restored for three days: over, with the reason.
        String over = detector.resolution(hold(), fewHours, g.agentId(), GapType.CAPACITY, g.baseline(), evidenceEnd,
                notGap);
        assertNotNull(over);
        assertTrue(over.contains("shortfall"), over);
    }

    @Test
    void anAgentGapResolvesOnlyWhenTheWorseEndOfTheIntervalIsBack() {
        TeamData d = data(team(new Random(21), 20, null, 1, null));
        Assessment now = detector.assessWithSlices(hold(), d).stream().filter(x -> x.agentId().equals("ag1"))
                .findFirst().orElseThrow();
        Instant evidenceEnd = END.minus(Duration.ofDays(6));
        double teamMean = Stats.mean(GapDetector.values(d.current()));
        double teamSd = Stats.sd(GapDetector.values(d.current()));
        assertNotNull(detector.resolution(hold(), d, "ag1", GapType.SKILL, teamMean, evidenceEnd, now.withClear(true)));
        // the same data against a baseline half a standard deviation better: the interval's worse end is not back
        assertNull(detector.resolution(hold(), d, "ag1", GapType.SKILL, teamMean - 0.5 * teamSd, evidenceEnd,
                now.withClear(true)));
    }

    @Property(tries = 200)
    void shortfallIsGradedAndBounded(@ForAll @IntRange(min = 0, max = 60) int scheduled,
                                     @ForAll @IntRange(min = 1, max = 60) int required) {
        TeamData.StaffingInterval s = new TeamData.StaffingInterval(END, END.plusSeconds(900), null, scheduled, required,
                null);
        assertTrue(s.shortfall() >= 0 && s.shortfall() <= 1);
        TeamData.StaffingInterval oneMore = new TeamData.StaffingInterval(END, END.plusSeconds(900), null, scheduled + 1,
                required, null);
        assertTrue(oneMore.shortfall() <= s.shortfall(), "one more agent never makes the shortfall worse");
        assertEquals(scheduled >= required, s.shortfall() == 0);
    }

    @Property(tries = 60)
    void aSliceLabelIsOnlyGivenWhenThatSliceIsWorseForTheAgent(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                              @ForAll @IntRange(min = 0, max = 3) int planted) {
        Random r = new Random(seed);
        String[] reasons = {"zq-lapsed-card", "vv-moving-house", "kp-upgrade"};
        String reason = planted == 3 ? null : reasons[planted];
        TeamData d = data(team(r, 20, "ag4", 1.5 + r.nextDouble() * 2, reason));
        for (Assessment a : detector.assessWithSlices(hold(), d)) {
            if (a.gap() && a.contactReason() != null) {
                List<Double> in = d.current().stream().filter(o -> o.agentId().equals(a.agentId())
                        && a.contactReason().equals(o.contactReason())).map(Observation::value).toList();
                List<Double> out = d.current().stream().filter(o -> o.agentId().equals(a.agentId())
                        && !a.contactReason().equals(o.contactReason())).map(Observation::value).toList();
                assertTrue(Stats.mean(in) > Stats.mean(out), "labelled " + a.contactReason() + " but not worse there");
            }
        }
    }

    /**
     * The scan's error is a rate, not zero: "never a drop in pure noise" over random seeds failed once in CI (seed
     * 815162: a first day 4 standard errors low). Over 2,000 fixed series at alpha 0.001 the false drops must stay
     * within what that level allows (0 of 3,000 were seen when this was written).
     */
    @Test
    void aFlatSeriesRarelyHasASignificantDrop() {
        int falseDrops = 0;
        for (long seed = 1; seed <= 2000; seed++) {
            Random r = new Random(seed * 7919);
            List<Observation> series = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                series.add(new Observation("a", "i" + k, END.plusSeconds(k * 5400L), r.nextGaussian() * 10 + 50, null,
                        null));
            }
            ChangePoint.Drop d = ChangePoint.find(series, 1, 10, 0.001);
            assertNotNull(d);
            falseDrops += d.decline().low() > 0 && d.after() - d.before() > 8 ? 1 : 0;
        }
        assertTrue(falseDrops <= 4, "0.8-sd drops in pure noise: " + falseDrops + " of 2000 (alpha 0.001)");
    }
}
