-- Data-subject requests (access/export and erasure) and their per-service outcomes.
CREATE TABLE subject_request (
    id              VARCHAR(64)  PRIMARY KEY,
    type            VARCHAR(20)  NOT NULL CHECK (type IN ('ACCESS', 'ERASURE')),
    agent_id        VARCHAR(200) NOT NULL,
    status          VARCHAR(30)  NOT NULL,
    requested_by    VARCHAR(200) NOT NULL,
    requested_at    TIMESTAMPTZ  NOT NULL,
    claimed_at      TIMESTAMPTZ, -- when a worker took it; a stale IN_PROGRESS (crashed worker) is taken again
    completed_at    TIMESTAMPTZ,
    refused_hold_ids TEXT,
    outcomes        TEXT,        -- JSON: service -> {status, detail, erased}
    export_json     TEXT         -- the assembled export (ACCESS), personal data: read only through the audited API
);
CREATE INDEX subject_request_pending ON subject_request (status, requested_at);
