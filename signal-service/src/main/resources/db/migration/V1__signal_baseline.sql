-- signal-service schema. One narrow table per signal kind so ingestion is a single multi-row INSERT per kind
-- (unnest of arrays, ON CONFLICT (event_id) DO NOTHING = idempotency) and detection reads only what it needs.
-- Data classes: interaction-signal (interaction, survey, sentiment, adherence, live monitoring, gaps),
-- qa-evaluation, transcript. Staffing and the behavior catalog are not personal data.

CREATE TABLE signal_interaction (
    event_id        VARCHAR(100) PRIMARY KEY,
    interaction_id  VARCHAR(100) NOT NULL,
    agent_id        VARCHAR(100) NOT NULL,
    team_id         VARCHAR(100) NOT NULL,
    channel         VARCHAR(40),
    queue           VARCHAR(100),
    contact_reason  VARCHAR(100),
    started_at      TIMESTAMPTZ  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    talk_seconds    INTEGER      NOT NULL,
    hold_seconds    INTEGER      NOT NULL,
    hold_count      INTEGER      NOT NULL,
    acw_seconds     INTEGER      NOT NULL,
    transfers       INTEGER      NOT NULL,
    disposition     VARCHAR(100),
    repeat_contact  BOOLEAN      NOT NULL,
    escalated       BOOLEAN      NOT NULL,
    abusive_customer BOOLEAN     NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX signal_interaction_team_time ON signal_interaction (team_id, occurred_at);
CREATE INDEX signal_interaction_agent_time ON signal_interaction (agent_id, occurred_at);
CREATE INDEX signal_interaction_iid ON signal_interaction (interaction_id);

CREATE TABLE signal_qa_evaluation (
    event_id        VARCHAR(100) PRIMARY KEY,
    evaluation_id   VARCHAR(100) NOT NULL,
    interaction_id  VARCHAR(100),
    agent_id        VARCHAR(100) NOT NULL,
    team_id         VARCHAR(100) NOT NULL,
    evaluator       VARCHAR(100),
    automated       BOOLEAN      NOT NULL,
    total_score     DOUBLE PRECISION,
    criteria        JSONB        NOT NULL,
    checklist       JSONB        NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX signal_qa_team_time ON signal_qa_evaluation (team_id, occurred_at);
CREATE INDEX signal_qa_agent ON signal_qa_evaluation (agent_id);

CREATE TABLE signal_survey (
    event_id        VARCHAR(100) PRIMARY KEY,
    interaction_id  VARCHAR(100) NOT NULL,
    csat            SMALLINT,
    nps             SMALLINT,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX signal_survey_iid ON signal_survey (interaction_id);

CREATE TABLE signal_sentiment (
    event_id        VARCHAR(100) PRIMARY KEY,
    interaction_id  VARCHAR(100) NOT NULL,
    score           DOUBLE PRECISION NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX signal_sentiment_iid ON signal_sentiment (interaction_id);

CREATE TABLE signal_adherence (
    event_id        VARCHAR(100) PRIMARY KEY,
    agent_id        VARCHAR(100) NOT NULL,
    team_id         VARCHAR(100) NOT NULL,
    interval_start  TIMESTAMPTZ  NOT NULL,
    interval_end    TIMESTAMPTZ  NOT NULL,
    adherence_pct   DOUBLE PRECISION NOT NULL,
    break_taken     BOOLEAN,
    breaks          JSONB,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX signal_adherence_team_time ON signal_adherence (team_id, occurred_at);
CREATE INDEX signal_adherence_agent ON signal_adherence (agent_id);

CREATE TABLE signal_staffing (
    event_id          VARCHAR(100) PRIMARY KEY,
    team_id           VARCHAR(100) NOT NULL,
    queue             VARCHAR(100),
    interval_start    TIMESTAMPTZ  NOT NULL,
    interval_end      TIMESTAMPTZ  NOT NULL,
    scheduled_agents  INTEGER      NOT NULL,
    required_agents   INTEGER      NOT NULL,
    occupancy         DOUBLE PRECISION,
    occurred_at       TIMESTAMPTZ  NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX signal_staffing_team_time ON signal_staffing (team_id, interval_start);

-- Only redacted text is ever written here (governance-service answered before the INSERT).
CREATE TABLE signal_transcript (
    event_id        VARCHAR(100) PRIMARY KEY,
    interaction_id  VARCHAR(100) NOT NULL,
    agent_id        VARCHAR(100) NOT NULL,
    team_id         VARCHAR(100) NOT NULL,
    redacted_text   TEXT         NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX signal_transcript_agent ON signal_transcript (agent_id);
CREATE INDEX signal_transcript_iid ON signal_transcript (interaction_id);

CREATE TABLE signal_live_monitoring (
    event_id        VARCHAR(100) PRIMARY KEY,
    agent_id        VARCHAR(100) NOT NULL,
    team_id         VARCHAR(100) NOT NULL,
    monitor         VARCHAR(100),
    occurred_at     TIMESTAMPTZ  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX signal_live_monitoring_agent ON signal_live_monitoring (agent_id);

-- Latest known team of each agent (for scoping reads) — upserted once per batch.
CREATE TABLE agent_directory (
    agent_id   VARCHAR(100) PRIMARY KEY,
    team_id    VARCHAR(100) NOT NULL,
    last_seen  TIMESTAMPTZ  NOT NULL
);

-- Teams with signals not yet evaluated by the detector (debounce: one evaluation per team per tick).
CREATE TABLE dirty_team (
    team_id    VARCHAR(100) PRIMARY KEY,
    marked_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The behavior catalog: every change is a new row (id, version); the highest version is current.
CREATE TABLE behavior (
    id          VARCHAR(100) NOT NULL,
    version     INTEGER      NOT NULL,
    definition  JSONB        NOT NULL,
    changed_by  VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);

CREATE TABLE behavior_gap (
    gap_id        VARCHAR(64)  PRIMARY KEY,
    agent_id      VARCHAR(100) NOT NULL,
    team_id       VARCHAR(100) NOT NULL,
    behavior_id   VARCHAR(100) NOT NULL,
    gap_type      VARCHAR(20)  NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    detected      JSONB        NOT NULL,
    detected_at   TIMESTAMPTZ  NOT NULL,
    resolved_at   TIMESTAMPTZ,
    resolution    JSONB
);
-- Never a second open gap for the same agent and behavior.
CREATE UNIQUE INDEX behavior_gap_one_open ON behavior_gap (agent_id, behavior_id) WHERE status = 'OPEN';
CREATE INDEX behavior_gap_team ON behavior_gap (team_id, status);

-- Days whose measurements were already published (periodic BehaviorMeasurement job).
CREATE TABLE measurement_run (
    day  DATE PRIMARY KEY,
    at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
