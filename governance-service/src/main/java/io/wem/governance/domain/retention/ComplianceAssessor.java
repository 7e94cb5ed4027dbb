package io.wem.governance.domain.retention;

import io.wem.common.contracts.PurgeResult;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a data class is kept within its window, from the last purge evidence. A breach is the oldest remaining
 * record being older than the window plus a grace period (purges run daily and take time) when the service did not
 * report that legal holds kept records; a failed purge or no evidence at all is a breach once the grace has passed
 * since the policy existed.
 */
public final class ComplianceAssessor {
    private ComplianceAssessor() {
    }

    public record Assessment(String service, String dataClass, String window, Instant lastPurgeAt, Long lastPurged,
                             Long lastRetainedByHold, Instant oldestRemaining, Long oldestRemainingAgeDays,
                             boolean breach, String status, String explanation) {
    }

    public static Assessment assess(RetentionPolicy policy, PurgeResult last, Instant now, Duration grace) {
        RetentionWindow window = RetentionWindow.parse(policy.window());
        Instant limit = window.cutoff(now).minus(grace);
        String service = policy.service();
        if (last == null) {
            boolean overdue = policy.updatedAt() != null && policy.updatedAt().isBefore(now.minus(grace));
            return new Assessment(service, policy.dataClass(), policy.window(), null, null, null, null, null, overdue,
                    overdue ? "NO_EVIDENCE" : "PENDING",
                    overdue ? "no purge result received from " + service + " within the grace period"
                            : "waiting for the first purge result");
        }
        Long ageDays = last.oldestRemaining() == null ? null
                : Duration.between(last.oldestRemaining(), now).toDays();
        if (last.error() != null) {
            return new Assessment(service, policy.dataClass(), policy.window(), last.completedAt(), last.purged(),
                    last.retainedByHold(), last.oldestRemaining(), ageDays, true, "PURGE_FAILED",
                    "the last purge failed: " + last.error());
        }
        boolean tooOld = last.oldestRemaining() != null && last.oldestRemaining().isBefore(limit);
        boolean explainedByHold = tooOld && last.retainedByHold() > 0;
        boolean stale = last.completedAt() != null && last.completedAt().isBefore(now.minus(grace).minus(Duration.ofDays(1)));
        String status;
        String explanation;
        boolean breach;
        if (tooOld && !explainedByHold) {
            breach = true;
            status = "BREACH";
            explanation = "records older than the window plus grace remain and no legal hold explains them";
        } else if (explainedByHold) {
            breach = false;
            status = "HELD";
            explanation = last.retainedByHold() + " records past the window are kept by legal holds";
        } else if (stale) {
            breach = true;
            status = "STALE_EVIDENCE";
            explanation = "the last purge result is older than the grace period";
        } else {
            breach = false;
            status = "COMPLIANT";
            explanation = "nothing older than the window remains";
        }
        return new Assessment(service, policy.dataClass(), policy.window(), last.completedAt(), last.purged(),
                last.retainedByHold(), last.oldestRemaining(), ageDays, breach, status, explanation);
    }
}
