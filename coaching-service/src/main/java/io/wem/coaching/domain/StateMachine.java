package io.wem.coaching.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.wem.coaching.domain.InterventionState.*;

/**
 * The explicit transition table of an intervention. Some moves belong to the system (guardrail answers,
 * review decisions, evaluation) and are refused when an owner asks for them, so nothing reaches ASSIGNED
 * around the wellbeing guardrail and nothing is closed without measured figures.
 */
public final class StateMachine {

    private static final Map<InterventionState, Set<InterventionState>> ALLOWED = new EnumMap<>(InterventionState.class);
    /** Moves an owner may request through the transitions endpoint. */
    private static final Map<InterventionState, Set<InterventionState>> BY_OWNER = new EnumMap<>(InterventionState.class);

    static {
        ALLOWED.put(PROPOSED, EnumSet.of(AWAITING_GUARDRAIL, ASSIGNED, CANCELLED));
        ALLOWED.put(AWAITING_GUARDRAIL, EnumSet.of(ASSIGNED, DEFERRED, AWAITING_REVIEW, CANCELLED));
        ALLOWED.put(AWAITING_REVIEW, EnumSet.of(ASSIGNED, CANCELLED));
        ALLOWED.put(DEFERRED, EnumSet.of(AWAITING_GUARDRAIL, CANCELLED));
        ALLOWED.put(ASSIGNED, EnumSet.of(SCHEDULED, IN_PROGRESS, CANCELLED));
        ALLOWED.put(SCHEDULED, EnumSet.of(IN_PROGRESS, CANCELLED));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED));
        ALLOWED.put(COMPLETED, EnumSet.of(FOLLOW_UP));
        ALLOWED.put(FOLLOW_UP, EnumSet.of(CLOSED_EFFECTIVE, CLOSED_INEFFECTIVE, CLOSED_INCONCLUSIVE));
        ALLOWED.put(CLOSED_EFFECTIVE, EnumSet.noneOf(InterventionState.class));
        ALLOWED.put(CLOSED_INEFFECTIVE, EnumSet.noneOf(InterventionState.class));
        ALLOWED.put(CLOSED_INCONCLUSIVE, EnumSet.noneOf(InterventionState.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(InterventionState.class));

        BY_OWNER.put(ASSIGNED, EnumSet.of(SCHEDULED, IN_PROGRESS, CANCELLED));
        BY_OWNER.put(SCHEDULED, EnumSet.of(IN_PROGRESS, CANCELLED));
        BY_OWNER.put(IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED));
    }

    private StateMachine() {
    }

    public static boolean allowed(InterventionState from, InterventionState to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<InterventionState> next(InterventionState from) {
        return Set.copyOf(ALLOWED.get(from));
    }

    /** Throws unless the system may move {@code from → to}. */
    public static void check(InterventionState from, InterventionState to) {
        if (!allowed(from, to)) {
            throw new IllegalTransitionException(from, to, "not a transition of the intervention state machine");
        }
    }

    /** Throws unless an owner may request {@code from → to} (a subset of the system's moves). */
    public static void checkByOwner(InterventionState from, InterventionState to) {
        check(from, to);
        if (!BY_OWNER.getOrDefault(from, Set.of()).contains(to)) {
            throw new IllegalTransitionException(from, to, "this transition is made by coaching-service itself "
                    + "(guardrail, review or evaluation), not on request");
        }
    }

    public static final class IllegalTransitionException extends RuntimeException {
        private final InterventionState from;
        private final InterventionState to;

        public IllegalTransitionException(InterventionState from, InterventionState to, String why) {
            super("illegal transition " + from + " -> " + to + ": " + why);
            this.from = from;
            this.to = to;
        }

        public InterventionState from() {
            return from;
        }

        public InterventionState to() {
            return to;
        }
    }
}
