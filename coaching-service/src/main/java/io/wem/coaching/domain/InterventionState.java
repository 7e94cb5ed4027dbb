package io.wem.coaching.domain;

/** Lifecycle of an intervention; the allowed moves are in {@link StateMachine}. */
public enum InterventionState {
    PROPOSED, AWAITING_GUARDRAIL, AWAITING_REVIEW, ASSIGNED, SCHEDULED, IN_PROGRESS, COMPLETED, FOLLOW_UP,
    CLOSED_EFFECTIVE, CLOSED_INEFFECTIVE, DEFERRED, CANCELLED;

    public boolean terminal() {
        return this == CLOSED_EFFECTIVE || this == CLOSED_INEFFECTIVE || this == CANCELLED;
    }

    /** Work an owner has to do (counts against capacity and deadlines). */
    public boolean ownerWork() {
        return this == AWAITING_REVIEW || this == ASSIGNED || this == SCHEDULED || this == IN_PROGRESS;
    }
}
