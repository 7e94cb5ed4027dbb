package io.wem.wellbeing.domain;

import java.time.Instant;

/**
 * An agent's recovery bookkeeping.
 *
 * @param difficultStreak difficult interactions in a row since the last normal interaction or qualifying break
 * @param due             a break of at least the policy's minutes is owed before the next interaction
 * @param dueSince        when the current due break became owed
 * @param violated        the current due break was already skipped once (one violation alert per episode)
 * @param debtMinutes     recovery minutes owed and not yet taken
 */
public record RecoveryState(int difficultStreak, boolean due, Instant dueSince, boolean violated, int debtMinutes,
                            Instant lastActivityAt) {

    public static final RecoveryState FRESH = new RecoveryState(0, false, null, false, 0, null);

    /** Whether coaching should wait: a break is owed or recovery minutes are outstanding. */
    public boolean owesRecovery() {
        return due || debtMinutes > 0;
    }
}
