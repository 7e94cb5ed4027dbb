package io.wem.governance.domain.approval;

import io.wem.governance.domain.retention.RetentionWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The four-eyes rules: which changes need a second person, and who may decide a proposal. Plain Java; the service
 * maps each {@link Refusal} to a problem+json answer.
 */
public final class FourEyes {
    /** The role whose holder, a different person from the proposer, approves or rejects. */
    public static final String APPROVER_ROLE = "ciso";

    private FourEyes() {
    }

    /** Why a decision was refused. */
    public enum Refusal {
        /** The approver is the proposer (same token subject or same user name). */
        SAME_PERSON,
        /** The approver does not hold the approver role. */
        NOT_APPROVER,
        /** The proposal was already approved or rejected. */
        ALREADY_DECIDED,
        /** The proposal expired before anyone decided. */
        EXPIRED
    }

    /** A refused decision. */
    public static final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        public RefusedException(Refusal refusal, String message) {
            super(message);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * True when {@code after} keeps data for a shorter time than {@code before}: compared by the cutoffs they give
     * at {@code now} (the later cutoff deletes more), so P1M vs P30D is judged by the calendar, not by the text.
     */
    public static boolean shortens(RetentionWindow before, RetentionWindow after, Instant now) {
        return after.cutoff(now).isAfter(before.cutoff(now));
    }

    public static Instant expiry(Instant proposedAt, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a proposal's time to live must be positive");
        }
        return proposedAt.plus(ttl);
    }

    /**
     * Checks that this person may decide the proposal now; returns the outcome status. Approving and rejecting
     * follow the same rules: the proposer can neither push their change through nor clear a colleague's objection
     * trail by rejecting their own proposal under another hat.
     */
    public static ProposalStatus decide(Proposal p, String deciderSubject, String deciderName, Set<String> roles,
                                        Instant now, boolean approve) {
        ProposalStatus current = p.statusAt(now);
        if (current == ProposalStatus.EXPIRED) {
            throw new RefusedException(Refusal.EXPIRED, "proposal " + p.id() + " expired at " + p.expiresAt()
                    + "; propose the change again");
        }
        if (current != ProposalStatus.PENDING) {
            throw new RefusedException(Refusal.ALREADY_DECIDED, "proposal " + p.id() + " is already "
                    + current.name().toLowerCase());
        }
        if (!roles.contains(APPROVER_ROLE)) {
            throw new RefusedException(Refusal.NOT_APPROVER, "only a " + APPROVER_ROLE + " decides proposals");
        }
        if (samePerson(p, deciderSubject, deciderName)) {
            throw new RefusedException(Refusal.SAME_PERSON, "four eyes: the person who proposed a change cannot "
                    + (approve ? "approve" : "reject") + " it; another " + APPROVER_ROLE + " must");
        }
        return approve ? ProposalStatus.APPROVED : ProposalStatus.REJECTED;
    }

    static boolean samePerson(Proposal p, String subject, String name) {
        // Unknown identities count as the same person: fail closed.
        if (subject == null && name == null) {
            return true;
        }
        return (subject != null && Objects.equals(subject, p.proposedBySubject()))
                || (name != null && Objects.equals(name, p.proposedBy()));
    }
}
