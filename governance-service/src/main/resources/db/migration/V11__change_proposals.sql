-- Four-eyes changes (issue 14): shortening a retention window or releasing a legal hold is proposed by one person
-- and applied only when a different ciso approves it (io.wem.governance.domain.approval.FourEyes).
CREATE TABLE change_proposal (
    id                  VARCHAR(64)  PRIMARY KEY,
    kind                VARCHAR(40)  NOT NULL,
    target              VARCHAR(200) NOT NULL,
    change_json         TEXT         NOT NULL,
    summary             VARCHAR(500) NOT NULL,
    proposed_by         VARCHAR(200) NOT NULL,
    proposed_by_subject VARCHAR(200),
    proposed_at         TIMESTAMPTZ  NOT NULL,
    expires_at          TIMESTAMPTZ  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    decided_by          VARCHAR(200),
    decided_at          TIMESTAMPTZ,
    decision_reason     VARCHAR(500)
);
CREATE INDEX change_proposal_status ON change_proposal (status, proposed_at DESC);
