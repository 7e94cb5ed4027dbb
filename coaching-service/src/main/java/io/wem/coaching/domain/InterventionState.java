package io.wem.coaching.domain;

/** Lifecycle of an intervention; the allowed moves are in {@link StateMachine}. */
public enum InterventionState {
    PROPOSED, AWAITING_GUARDRAIL, AWAITING_REVIEW, ASSIGNED, SCHEDULED, IN_PROGRESS, COMPLETED, FOLLOW_UP,
    CLOSED_EFFECTIVE, CLOSED_INEFFECTIVE, CLOSED_INCONCLUSIVE, DEFERRED, CANCELLED;

    public boolean terminal() {
        return this == CLOSED_EFFECTIVE || this == CLOSED_INEFFECTIVE || this == CLOSED_INCONCLUSIVE || this == CANCELLED;
    }

    /** Work an owner has to do (counts against capacity and deadlines). */
    /** Closed by an evaluation with figures (whatever the verdict). */
    public boolean evaluated() {
        return this == CLOSED_EFFECTIVE || this == CLOSED_INEFFECTIVE || this == CLOSED_INCONCLUSIVE;
    }

    public boolean ownerWork() {
        return this == AWAITING_REVIEW || this == ASSIGNED || this == SCHEDULED || this == IN_PROGRESS;
    }
}
