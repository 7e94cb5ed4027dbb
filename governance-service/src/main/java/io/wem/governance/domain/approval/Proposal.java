package io.wem.governance.domain.approval;

import java.time.Instant;
import java.util.Map;

/**
 * A proposed change waiting for a second person. {@code target} is the data class or the legal hold id;
 * {@code change} holds what would be applied (for a retention change: window, legalBasis, owner).
 * {@code proposedBySubject} is the proposer's stable id (token subject), compared with the approver's.
 */
public record Proposal(
        String id,
        ChangeKind kind,
        String target,
        Map<String, String> change,
        String summary,
        String proposedBy,
        String proposedBySubject,
        Instant proposedAt,
        Instant expiresAt,
        ProposalStatus status,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {

    /** The status as of {@code now}: a pending proposal past its expiry is EXPIRED (nothing to approve). */
    public ProposalStatus statusAt(Instant now) {
        return status == ProposalStatus.PENDING && !now.isBefore(expiresAt) ? ProposalStatus.EXPIRED : status;
    }

    public Proposal decided(ProposalStatus outcome, String by, Instant at, String reason) {
        return new Proposal(id, kind, target, change, summary, proposedBy, proposedBySubject, proposedAt, expiresAt,
                outcome, by, at, reason);
    }
}
