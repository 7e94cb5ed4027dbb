package io.wem.wellbeing.domain;

/**
 * The mix of corrective (handle time, compliance) and supportive (development, recognition) coaching.
 * A pressure pattern is at least {@code minSessions} corrective sessions making up more than the threshold share.
 */
public record CoachingBalance(int pressureSessions, int supportSessions, Double pressureShare, boolean pressurePattern) {

    public static CoachingBalance of(int pressure, int support, GuardrailPolicy.BalanceSettings s) {
        int total = pressure + support;
        Double share = total == 0 ? null : IntensityWindow.round((double) pressure / total);
        boolean flagged = pressure >= s.minSessions() && share != null && share > s.pressureShareThreshold();
        return new CoachingBalance(pressure, support, share, flagged);
    }

    public String message(int windowDays) {
        return pressureSessions + " of " + (pressureSessions + supportSessions) + " coaching sessions in the last "
                + windowDays + " days were about handle time or compliance (" + Math.round(pressureShare * 100)
                + "%); development and recognition are falling behind.";
    }
}
