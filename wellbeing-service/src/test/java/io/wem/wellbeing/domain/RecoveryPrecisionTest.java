package io.wem.wellbeing.domain;

import io.wem.common.contracts.AgentActivity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precision of recovery alerts on populations of its own: agents who differ in how hard their customers are, 8-hour
 * shifts with three breaks (15, 30, 15 minutes), contacts of log-normal length with a few seconds to a minute between
 * them, customer sentiment from a per-agent normal, some escalations and abusive customers, a share of complaint
 * contacts that differs by team. Nothing is planted in the null population. The generator draws continuous
 * quantities; it does not know the rule's thresholds.
 */
class RecoveryPrecisionTest {
    static final GuardrailPolicy.RecoverySettings S = GuardrailPolicy.defaults().recovery();
    static final long SEED = 20261204L;
    static final int AGENTS = 300;
    static final int DAYS = 10;
    /** The bar: at most 2 wellbeing alerts per 100 agent-days on a null population. */
    static final double TARGET_PER_100_AGENT_DAYS = 2.0;
    static final Instant DAY0 = Instant.parse("2026-03-02T07:00:00Z");

    record Run(int alerts, int agentDays, int plantedRuns, int plantedFound) {
    }

    /**
     * @param plantRun if true, each agent-day gets one run of ten hard contacts (very negative customers, sentiment
     *                 always reported) back to back with no break; background contacts miss their sentiment 15 % of
     *                 the time
     */
    static Run simulate(long seed, boolean plantRun) {
        Random rnd = new Random(seed);
        int alerts = 0;
        int planted = 0;
        int found = 0;
        for (int a = 0; a < AGENTS; a++) {
            double mood = -0.1 + rnd.nextDouble() * 0.4;
            double complaintShare = 0.03 + (a % 4) * 0.03;
            RecoveryState st = RecoveryState.FRESH;
            for (int d = 0; d < DAYS; d++) {
                Instant t = DAY0.plus(Duration.ofDays(d)).plusSeconds(rnd.nextInt(1800));
                Instant shiftEnd = t.plus(Duration.ofHours(8));
                List<Instant[]> breaks = List.of(
                        new Instant[] {t.plus(Duration.ofMinutes(120 + rnd.nextInt(30))), null},
                        new Instant[] {t.plus(Duration.ofMinutes(240 + rnd.nextInt(30))), null},
                        new Instant[] {t.plus(Duration.ofMinutes(380 + rnd.nextInt(30))), null});
                int[] breakMinutes = {15, 30, 15};
                int nextBreak = 0;
                int contact = 0;
                int plantAt = plantRun ? 5 + rnd.nextInt(10) : -1;
                int plantedLeft = 0;
                boolean plantedAlerted = false;
                while (t.isBefore(shiftEnd)) {
                    boolean inPlant = plantedLeft > 0;
                    if (!inPlant && nextBreak < 3 && !t.isBefore(breaks.get(nextBreak)[0])) {
                        Instant end = t.plus(Duration.ofMinutes(breakMinutes[nextBreak]));
                        st = RecoveryTracker.apply(st, activity("BREAK", a, t, end, null, null, false, false), S).state();
                        t = end;
                        nextBreak++;
                        continue;
                    }
                    if (contact == plantAt) {
                        plantedLeft = 10;
                        planted++;
                        plantedAlerted = false;
                    }
                    boolean hard = plantedLeft > 0;
                    long seconds = (long) Math.min(3600, Math.exp(Math.log(330) + rnd.nextGaussian() * 0.5));
                    Instant end = t.plusSeconds(seconds);
                    double sentiment = hard ? -0.6 - rnd.nextDouble() * 0.3
                            : Math.max(-1, Math.min(1, mood + rnd.nextGaussian() * 0.4));
                    String reason = rnd.nextDouble() < complaintShare ? "complaint"
                            : (rnd.nextBoolean() ? "billing-question" : "order-status");
                    boolean escalated = !hard && rnd.nextDouble() < 0.03;
                    boolean abusive = !hard && rnd.nextDouble() < 0.005;
                    RecoveryTracker.Result r = RecoveryTracker.apply(st, activity("INTERACTION", a, t, end, reason,
                            !hard && rnd.nextDouble() < 0.15 ? null : sentiment, escalated, abusive), S);
                    st = r.state();
                    if (hard) {
                        plantedAlerted |= !r.alerts().isEmpty();
                        plantedLeft--;
                        if (plantedLeft == 0 && plantedAlerted) {
                            found++;
                        }
                    } else {
                        alerts += r.alerts().size();
                    }
                    contact++;
                    t = end.plusSeconds(5 + rnd.nextInt(55));
                }
            }
        }
        return new Run(alerts, AGENTS * DAYS, planted, found);
    }

    static AgentActivity activity(String kind, int agent, Instant start, Instant end, String reason, Double sentiment,
                                  boolean escalated, boolean abusive) {
        return new AgentActivity(kind + start.toEpochMilli(), kind, "agent-" + agent, "team-" + (agent % 4), "q",
                "voice", reason, start, end, sentiment, escalated, abusive, false);
    }

    /** Poisson 95 % upper bound: exact search for small counts, the normal approximation beyond 100. */
    static double poissonUpper(int k) {
        if (k > 100) {
            return k + 1.96 * Math.sqrt(k) + 2;
        }
        double lambda = k;
        while (cdf(k, lambda) > 0.025) {
            lambda += 0.01;
        }
        return lambda;
    }

    private static double cdf(int k, double lambda) {
        double term = Math.exp(-lambda);
        double sum = term;
        for (int i = 1; i <= k; i++) {
            term *= lambda / i;
            sum += term;
        }
        return sum;
    }

    @Test
    void nullPopulationStaysUnderTwoAlertsPer100AgentDays() {
        Run run = simulate(SEED, false);
        double per100 = 100.0 * run.alerts() / run.agentDays();
        double upper = 100.0 * poissonUpper(run.alerts()) / run.agentDays();
        System.out.println(String.format(Locale.ROOT, "recovery alerts on a null population: %d in %d agent-days = "
                + "%.2f per 100 agent-days (95 %% upper %.2f), seed %d", run.alerts(), run.agentDays(), per100, upper,
                SEED));
        assertTrue(upper <= TARGET_PER_100_AGENT_DAYS, per100 + " per 100 agent-days, upper " + upper);
    }

    @Test
    void tenHardContactsInARowWithoutABreakStillAlert() {
        Run run = simulate(SEED + 1, true);
        System.out.println(String.format(Locale.ROOT, "planted runs of ten hard contacts: %d of %d alerted, seed %d",
                run.plantedFound(), run.plantedRuns(), SEED + 1));
        assertEquals(run.plantedRuns(), run.plantedFound());
    }
}
