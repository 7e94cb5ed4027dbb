package io.wem.signal.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection must give an answer for every team's data, never an exception: one exception stops every behavior of the
 * team, and the team is retried every tick forever. Data here is shapeless on purpose (no planted situation, no
 * thresholds of the detector): random team sizes, sparse or bursty timestamps, long tails, ties and zeros, random slice
 * names, history or none, other teams or none.
 */
class GapDetectorTotalityTest {
    private static final Instant END = Instant.parse("2026-11-30T00:00:00Z");
    private final GapDetector detector = new GapDetector(GapDetector.Settings.defaults());

    @Property(tries = 150)
    void everyBehaviorAnswersForAnyTeam(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (Behavior b : BuiltIns.all()) {
            TeamData data = randomTeam(r, b);
            List<Assessment> out = detector.assessWithSlices(b, data);
            for (Assessment a : out) {
                if (a.gap()) {
                    assertTrue(Double.isFinite(a.observed()), b.id() + ": gap with observed " + a.observed());
                }
            }
        }
    }

    private static TeamData randomTeam(SplittableRandom r, Behavior b) {
        Instant start = END.minus(b.window());
        long windowSeconds = Math.max(1, b.window().toSeconds());
        int agents = 1 + r.nextInt(12);
        int slices = 1 + r.nextInt(4);
        String[] names = new String[slices];
        for (int k = 0; k < slices; k++) {
            names[k] = Long.toString(r.nextLong(1L << 40), 36);
        }
        double scale = Math.exp(r.nextDouble(-3, 7));
        boolean rate = r.nextBoolean();
        List<Observation> current = new ArrayList<>();
        List<Observation> history = new ArrayList<>();
        Map<String, TeamData.Satisfaction> csat = new HashMap<>();
        for (int a = 0; a < agents; a++) {
            String agent = "x" + a;
            int n = r.nextInt(4) == 0 ? r.nextInt(4) : r.nextInt(90);
            // bursty: all of an agent's calls may fall in one day, or spread over the window
            long span = r.nextBoolean() ? windowSeconds : Math.min(windowSeconds, 86_400);
            long offset = r.nextLong(Math.max(1, windowSeconds - span + 1));
            for (int k = 0; k < n; k++) {
                Instant at = start.plusSeconds(offset + r.nextLong(span));
                current.add(new Observation(agent, agent + "-c" + k, at, value(r, rate, scale),
                        names[r.nextInt(slices)], names[r.nextInt(slices)]));
            }
            int h = r.nextInt(3) == 0 ? 0 : r.nextInt(60);
            for (int k = 0; k < h; k++) {
                Instant at = start.minusSeconds(1 + r.nextLong(3 * windowSeconds));
                history.add(new Observation(agent, agent + "-h" + k, at, value(r, rate, scale),
                        names[r.nextInt(slices)], names[r.nextInt(slices)]));
            }
            if (r.nextBoolean()) {
                csat.put(agent, new TeamData.Satisfaction(1 + r.nextDouble() * 4, r.nextInt(30)));
            }
        }
        List<TeamData.AgentSummary> others = new ArrayList<>();
        int otherAgents = r.nextInt(3) == 0 ? 0 : r.nextInt(30);
        for (int k = 0; k < otherAgents; k++) {
            others.add(new TeamData.AgentSummary("o" + k, "team-" + r.nextInt(4), r.nextInt(60), value(r, rate, scale)));
        }
        List<TeamData.StaffingInterval> staffing = new ArrayList<>();
        int intervals = r.nextInt(3) == 0 ? r.nextInt(40) : 0;
        for (int k = 0; k < intervals; k++) {
            Instant s = start.plusSeconds(r.nextLong(windowSeconds));
            int required = r.nextInt(15);
            staffing.add(new TeamData.StaffingInterval(s, s.plus(Duration.ofMinutes(30)), names[r.nextInt(slices)],
                    r.nextInt(15), required, r.nextBoolean() ? r.nextDouble() : null));
        }
        return new TeamData("team-r", start, END, current, history, others, csat, staffing);
    }

    /** A rate's 0/1, or a duration with zeros, ties and a long tail. */
    private static double value(SplittableRandom r, boolean rate, double scale) {
        if (rate) {
            return r.nextInt(3) == 0 ? 1 : 0;
        }
        return switch (r.nextInt(5)) {
            case 0 -> 0;
            case 1 -> Math.round(scale);
            default -> scale * Math.exp(r.nextGaussian() * 1.2);
        };
    }
}
