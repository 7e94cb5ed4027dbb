package io.wem.coaching.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How well a playbook works across its interventions: success rate among measured closures, the mean net
 * improvement (after the comparison group's change is taken out) with a 95 % confidence interval, and the median
 * time from gap detection to the first coaching (how fast the loop closes).
 */
public final class PlaybookEffectiveness {

    private PlaybookEffectiveness() {
    }

    public record Row(InterventionState state, Double netImprovement, Instant gapDetectedAt, Instant firstCoachingAt) {
    }

    public record Report(int interventions, int closed, int effective, Double successRate, Double meanEffect,
                         Double effectCiLow, Double effectCiHigh, int measured, Double medianHoursToFirstCoaching,
                         int started) {
    }

    public static Report compute(List<Row> rows) {
        int closed = 0;
        int effective = 0;
        List<Double> effects = new ArrayList<>();
        List<Double> hours = new ArrayList<>();
        for (Row r : rows) {
            if (r.state() == InterventionState.CLOSED_EFFECTIVE || r.state() == InterventionState.CLOSED_INEFFECTIVE) {
                closed++;
                if (r.state() == InterventionState.CLOSED_EFFECTIVE) {
                    effective++;
                }
                if (r.netImprovement() != null) {
                    effects.add(r.netImprovement());
                }
            }
            if (r.firstCoachingAt() != null && r.gapDetectedAt() != null) {
                hours.add(Duration.between(r.gapDetectedAt(), r.firstCoachingAt()).toSeconds() / 3600.0);
            }
        }
        Double rate = closed == 0 ? null : (double) effective / closed;
        Double mean = effects.isEmpty() ? null : Statistics.mean(effects);
        Statistics.Interval ci = Statistics.meanWithCi95(effects);
        return new Report(rows.size(), closed, effective, rate, mean, ci == null ? null : ci.low(),
                ci == null ? null : ci.high(), effects.size(), Statistics.median(hours), hours.size());
    }
}
