package io.wem.coaching.domain;

/**
 * Orders work by impact: a large, customer-facing gap comes before a small internal one. The score is
 * 0..100: 60 % from the effect size (|d| capped at 2, where a d of 2 is an extreme gap) and 40 % from the
 * customer impact (0..1) that signal-service attaches to the gap.
 */
public final class Priority {

    private Priority() {
    }

    public static int score(double effectSize, double customerImpact) {
        double d = Double.isFinite(effectSize) ? Math.min(Math.abs(effectSize), 2.0) / 2.0 : 0.0;
        double c = Double.isFinite(customerImpact) ? Math.max(0.0, Math.min(customerImpact, 1.0)) : 0.0;
        return (int) Math.round(100.0 * (0.6 * d + 0.4 * c));
    }

    /** P1 (act today) .. P4, for people scanning a backlog. */
    public static String band(int score) {
        if (score >= 75) {
            return "P1";
        }
        if (score >= 50) {
            return "P2";
        }
        return score >= 25 ? "P3" : "P4";
    }
}
