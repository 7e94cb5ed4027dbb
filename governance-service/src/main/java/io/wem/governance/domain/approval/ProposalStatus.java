package io.wem.governance.domain.approval;

public enum ProposalStatus {
    PENDING, APPROVED, REJECTED, EXPIRED
}
