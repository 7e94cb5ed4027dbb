-- Retention policies per data class, legal holds, and the evidence of purges.
CREATE TABLE retention_policy (
    data_class       VARCHAR(60)  PRIMARY KEY,
    service          VARCHAR(100) NOT NULL,
    retention_window VARCHAR(40)  NOT NULL,
    legal_basis      VARCHAR(500) NOT NULL,
    owner            VARCHAR(200) NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by       VARCHAR(200) NOT NULL
);
-- Defaults: conservative windows an operator is expected to review (PUT /api/v1/retention/policies/{dataClass}).
INSERT INTO retention_policy (data_class, service, retention_window, legal_basis, owner, updated_by) VALUES
 ('interaction-signal', 'signal-service', 'P13M', 'Legitimate interest: performance management (GDPR Art. 6(1)(f))', 'Head of Operations', 'migration'),
 ('transcript', 'signal-service', 'P90D', 'Legitimate interest: quality assurance; PCI DSS data minimisation', 'Quality Lead', 'migration'),
 ('qa-evaluation', 'signal-service', 'P13M', 'Legitimate interest: quality assurance (GDPR Art. 6(1)(f))', 'Quality Lead', 'migration'),
 ('coaching-record', 'coaching-service', 'P2Y', 'Employment contract: development records (GDPR Art. 6(1)(b))', 'HR Business Partner', 'migration'),
 ('wellbeing-metric', 'wellbeing-service', 'P6M', 'Legal obligation: occupational health and safety (GDPR Art. 6(1)(c), 9(2)(b))', 'Health and Safety Officer', 'migration'),
 ('guardrail-decision', 'wellbeing-service', 'P13M', 'Legal obligation: evidence of proportionate monitoring (GDPR Art. 22, 35)', 'Data Protection Officer', 'migration'),
 ('audit-event', 'governance-service', 'P7Y', 'Legal obligation: accountability and security logging (GDPR Art. 5(2), 32; PCI DSS 10.7)', 'CISO', 'migration');

CREATE TABLE legal_hold (
    id              VARCHAR(64)  PRIMARY KEY,
    case_reference  VARCHAR(200) NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    agent_ids       TEXT         NOT NULL,  -- JSON array
    interaction_ids TEXT         NOT NULL,  -- JSON array
    from_time       TIMESTAMPTZ,
    to_time         TIMESTAMPTZ,
    created_by      VARCHAR(200) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    released_at     TIMESTAMPTZ,
    released_by     VARCHAR(200)
);
CREATE INDEX legal_hold_active ON legal_hold (released_at);

-- Purge commands issued (what was asked, when, by whom) and the services' answers (evidence).
CREATE TABLE purge_command_log (
    command_id  VARCHAR(64)  PRIMARY KEY,
    service     VARCHAR(100) NOT NULL,
    data_class  VARCHAR(60)  NOT NULL,
    cutoff      TIMESTAMPTZ  NOT NULL,
    hold_ids    TEXT         NOT NULL,
    issued_at   TIMESTAMPTZ  NOT NULL,
    issued_by   VARCHAR(200) NOT NULL
);

CREATE TABLE purge_evidence (
    command_id       VARCHAR(64)  NOT NULL,
    service          VARCHAR(100) NOT NULL,
    data_class       VARCHAR(60)  NOT NULL,
    cutoff           TIMESTAMPTZ,
    purged           BIGINT       NOT NULL,
    retained_by_hold BIGINT       NOT NULL,
    oldest_remaining TIMESTAMPTZ,
    completed_at     TIMESTAMPTZ  NOT NULL,
    error            VARCHAR(1000),
    received_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (command_id, service, data_class)
);
CREATE INDEX purge_evidence_latest ON purge_evidence (service, data_class, completed_at DESC);
