package io.wem.coaching.domain;

/**
 * What a resolved gap does to its intervention. Work that has not reached anyone is cancelled; work an owner holds
 * (ASSIGNED, SCHEDULED, IN_PROGRESS) is not silently dropped nor silently left: once every gap linked to it is
 * resolved, the owner is told and decides whether to go on (the follow-up still measures it) or cancel. A team-level
 * intervention collects several gaps, so one of them resolving while others are open changes nothing.
 */
public final class GapFollowThrough {

    public enum Action { NONE, CANCEL, TELL_OWNER }

    private GapFollowThrough() {
    }

    /**
     * @param state    the intervention's state when the gap resolved
     * @param openGaps linked gaps still open after this one resolved
     */
    public static Action onGapResolved(InterventionState state, long openGaps) {
        if (openGaps < 0) {
            throw new IllegalArgumentException("openGaps < 0: " + openGaps);
        }
        if (openGaps > 0) {
            return Action.NONE;
        }
        return switch (state) {
            case PROPOSED, AWAITING_GUARDRAIL, DEFERRED, AWAITING_REVIEW -> Action.CANCEL;
            case ASSIGNED, SCHEDULED, IN_PROGRESS -> Action.TELL_OWNER;
            // Completed work is measured by its follow-up; closed work is over.
            default -> Action.NONE;
        };
    }
}
