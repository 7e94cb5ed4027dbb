-- wellbeing-service schema. Tables of personal data carry a retention data class (see PersonalDataStore beans).
-- Nothing has been released yet, so this first migration may still be rewritten; after a release, add V2+.

-- Team guardrail policies set by platform admins (not personal data). Teams without a row use the default policy.
CREATE TABLE team_policy (
    team_id     VARCHAR(100) PRIMARY KEY,
    policy      TEXT         NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

-- [wellbeing-metric] One row per agent: last known team and recovery bookkeeping (RecoveryTracker state).
CREATE TABLE agent_state (
    agent_id         VARCHAR(100) PRIMARY KEY,
    team_id          VARCHAR(100),
    difficult_streak INT          NOT NULL DEFAULT 0,
    recovery_due     BOOLEAN      NOT NULL DEFAULT false,
    due_since        TIMESTAMPTZ,
    violated         BOOLEAN      NOT NULL DEFAULT false,
    debt_minutes     INT          NOT NULL DEFAULT 0,
    last_activity_at TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX agent_state_team ON agent_state (team_id);

-- [wellbeing-metric] Compact rolling-window state the guardrail reads in one indexed range scan:
-- facts per agent, hour, kind and coaching theme ('' when none).
CREATE TABLE intensity_bucket (
    agent_id     VARCHAR(100) NOT NULL,
    bucket_start TIMESTAMPTZ  NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    theme        VARCHAR(40)  NOT NULL DEFAULT '',
    team_id      VARCHAR(100),
    count        INT          NOT NULL,
    PRIMARY KEY (agent_id, bucket_start, kind, theme)
);
CREATE INDEX intensity_bucket_team ON intensity_bucket (team_id, bucket_start);

-- [wellbeing-metric] Monitoring events as received (scores feed the emotional-load analysis; automated ones
-- can be contested).
CREATE TABLE monitoring_event (
    monitoring_id  VARCHAR(100) PRIMARY KEY,
    agent_id       VARCHAR(100) NOT NULL,
    team_id        VARCHAR(100),
    kind           VARCHAR(40)  NOT NULL,
    automated      BOOLEAN      NOT NULL,
    score          DOUBLE PRECISION,
    theme          VARCHAR(40),
    source_service VARCHAR(100),
    reference      VARCHAR(200),
    counted        BOOLEAN      NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX monitoring_event_agent ON monitoring_event (agent_id, occurred_at);
CREATE INDEX monitoring_event_team ON monitoring_event (team_id, occurred_at);

-- [wellbeing-metric] Interaction and break facts with the difficulty this service derived.
CREATE TABLE agent_activity (
    activity_id VARCHAR(100) PRIMARY KEY,
    agent_id    VARCHAR(100) NOT NULL,
    team_id     VARCHAR(100),
    kind        VARCHAR(30)  NOT NULL,
    queue       VARCHAR(100),
    start_at    TIMESTAMPTZ  NOT NULL,
    end_at      TIMESTAMPTZ,
    difficulty  VARCHAR(10)  NOT NULL
);
CREATE INDEX agent_activity_team ON agent_activity (team_id, start_at);
CREATE INDEX agent_activity_agent ON agent_activity (agent_id, start_at);

-- [wellbeing-metric] Alerts raised (also published to wem.wellbeing.alerts.v1 through the outbox).
CREATE TABLE wellbeing_alert (
    alert_id              VARCHAR(64)  PRIMARY KEY,
    agent_id              VARCHAR(100) NOT NULL,
    team_id               VARCHAR(100),
    kind                  VARCHAR(30)  NOT NULL,
    severity              VARCHAR(10)  NOT NULL,
    recovery_debt_minutes INT          NOT NULL,
    message               TEXT         NOT NULL,
    raised_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX wellbeing_alert_team ON wellbeing_alert (team_id, raised_at);
CREATE INDEX wellbeing_alert_agent ON wellbeing_alert (agent_id, kind, raised_at);

-- [guardrail-decision] Every guardrail decision with its reasons (JSON array of sentences).
CREATE TABLE guardrail_decision (
    decision_id     VARCHAR(64)  PRIMARY KEY,
    agent_id        VARCHAR(100) NOT NULL,
    team_id         VARCHAR(100),
    action_kind     VARCHAR(40)  NOT NULL,
    decision        VARCHAR(30)  NOT NULL,
    earliest_at     TIMESTAMPTZ,
    reasons         TEXT         NOT NULL,
    intensity_index DOUBLE PRECISION NOT NULL,
    requester       VARCHAR(200) NOT NULL,
    caller          VARCHAR(200) NOT NULL,
    automated       BOOLEAN      NOT NULL,
    theme           VARCHAR(40),
    reference       VARCHAR(200),
    counted         BOOLEAN      NOT NULL,
    decided_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX guardrail_decision_ref ON guardrail_decision (agent_id, action_kind, reference);
CREATE INDEX guardrail_decision_agent ON guardrail_decision (agent_id, decided_at);

-- [guardrail-decision] Human review queue: automated decisions awaiting a person, and agents' contests.
CREATE TABLE review_item (
    review_id     VARCHAR(64)  PRIMARY KEY,
    type          VARCHAR(30)  NOT NULL,
    agent_id      VARCHAR(100) NOT NULL,
    team_id       VARCHAR(100),
    action_kind   VARCHAR(40),
    reference     VARCHAR(200),
    subject_type  VARCHAR(30),
    subject_id    VARCHAR(100),
    summary       TEXT         NOT NULL,
    statement     TEXT,
    status        VARCHAR(20)  NOT NULL,
    reviewer      VARCHAR(200),
    review_reason TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    decided_at    TIMESTAMPTZ
);
CREATE INDEX review_item_team ON review_item (team_id, status, created_at);
CREATE INDEX review_item_agent ON review_item (agent_id, type, created_at);
CREATE INDEX review_item_ref ON review_item (agent_id, action_kind, reference);
