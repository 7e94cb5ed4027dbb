-- coaching-service schema. Tables of personal data carry a retention data class (see PersonalDataStore beans).
-- Nothing has been released yet, so this first migration may still be rewritten; after a release, add V3+.

-- Playbooks: data, not code. Each change adds a playbook_version row; playbook points at the current one.
CREATE TABLE playbook (
    id              VARCHAR(120) PRIMARY KEY,
    behavior_id     VARCHAR(100) NOT NULL,
    gap_type        VARCHAR(20)  NOT NULL,
    current_version INT          NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT playbook_behavior_gap UNIQUE (behavior_id, gap_type)
);

CREATE TABLE playbook_version (
    id                   BIGSERIAL PRIMARY KEY,
    playbook_id          VARCHAR(120)  NOT NULL REFERENCES playbook (id),
    version              INT           NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    kind                 VARCHAR(40)   NOT NULL,
    owner_role           VARCHAR(40)   NOT NULL,
    deadline             VARCHAR(40)   NOT NULL,  -- ISO-8601 duration
    goal                 VARCHAR(500)  NOT NULL,
    theme                VARCHAR(40)   NOT NULL,
    learning_items       TEXT          NOT NULL,  -- JSON array of strings
    coaching_prompts     TEXT          NOT NULL,  -- JSON array of strings
    metric               VARCHAR(100)  NOT NULL,
    direction            VARCHAR(20)   NOT NULL,
    relative_improvement DOUBLE PRECISION,
    absolute_target      DOUBLE PRECISION,
    follow_up_window     VARCHAR(40)   NOT NULL,
    follow_up_assessment VARCHAR(2000) NOT NULL,
    changed_by           VARCHAR(200)  NOT NULL,
    change_note          VARCHAR(500),
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT playbook_version_unique UNIQUE (playbook_id, version)
);

-- Interventions (data class coaching-record). The playbook's content is copied in at creation so a later
-- playbook edit never changes work already under way.
CREATE TABLE intervention (
    id                       VARCHAR(64)   PRIMARY KEY,
    gap_id                   VARCHAR(100)  NOT NULL UNIQUE,
    agent_id                 VARCHAR(100),              -- null for team-level (process, capacity) work
    team_id                  VARCHAR(100)  NOT NULL,
    behavior_id              VARCHAR(100)  NOT NULL,
    metric                   VARCHAR(100),
    gap_type                 VARCHAR(20)   NOT NULL,
    playbook_id              VARCHAR(120)  NOT NULL,
    playbook_version         INT           NOT NULL,
    title                    VARCHAR(200)  NOT NULL,
    kind                     VARCHAR(40)   NOT NULL,
    owner_role               VARCHAR(40)   NOT NULL,
    owner_key                VARCHAR(300)  NOT NULL,
    theme                    VARCHAR(40)   NOT NULL,
    goal                     VARCHAR(500)  NOT NULL,
    proposed_goal            VARCHAR(500),
    learning_items           TEXT          NOT NULL,
    coaching_prompts         TEXT          NOT NULL,
    evidence_interaction_ids TEXT          NOT NULL,
    direction                VARCHAR(20)   NOT NULL,
    relative_improvement     DOUBLE PRECISION,
    absolute_target          DOUBLE PRECISION,
    follow_up_window         VARCHAR(40)   NOT NULL,
    follow_up_assessment     VARCHAR(2000) NOT NULL,
    deadline_duration        VARCHAR(40)   NOT NULL,
    state                    VARCHAR(30)   NOT NULL,
    priority                 INT           NOT NULL,
    effect_size              DOUBLE PRECISION NOT NULL,
    customer_impact          DOUBLE PRECISION NOT NULL,
    observed                 DOUBLE PRECISION NOT NULL,
    baseline                 DOUBLE PRECISION NOT NULL,
    cause_explanation        VARCHAR(2000),
    gap_window_start         TIMESTAMPTZ   NOT NULL,
    gap_window_end           TIMESTAMPTZ   NOT NULL,
    gap_detected_at          TIMESTAMPTZ   NOT NULL,
    gap_resolved_at          TIMESTAMPTZ,
    deadline                 TIMESTAMPTZ,
    scheduled_for            TIMESTAMPTZ,
    guardrail_attempts       INT           NOT NULL DEFAULT 0,
    next_guardrail_at        TIMESTAMPTZ,
    guardrail_claimed_until  TIMESTAMPTZ,
    guardrail_decision_id    VARCHAR(100),
    guardrail_reason         VARCHAR(2000),
    last_guardrail_error     VARCHAR(1000),
    cancel_reason            VARCHAR(2000),
    acknowledged_at          TIMESTAMPTZ,
    reflection               VARCHAR(2000),
    reflection_at            TIMESTAMPTZ,
    dispute_reason           VARCHAR(2000),
    disputed_at              TIMESTAMPTZ,
    first_coaching_at        TIMESTAMPTZ,
    completed_at             TIMESTAMPTZ,
    follow_up_due_at         TIMESTAMPTZ,
    eval_before              DOUBLE PRECISION,
    eval_after               DOUBLE PRECISION,
    eval_comparison_kind     VARCHAR(30),
    eval_comparison_size     INT,
    eval_comparison_before   DOUBLE PRECISION,
    eval_comparison_after    DOUBLE PRECISION,
    eval_net_change          DOUBLE PRECISION,
    eval_net_improvement     DOUBLE PRECISION,
    eval_explanation         VARCHAR(1000),
    evaluated_at             TIMESTAMPTZ,
    created_at               TIMESTAMPTZ   NOT NULL,
    updated_at               TIMESTAMPTZ   NOT NULL,
    version                  BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX intervention_team_state ON intervention (team_id, state);
CREATE INDEX intervention_agent ON intervention (agent_id);
CREATE INDEX intervention_playbook ON intervention (playbook_id);
CREATE INDEX intervention_due ON intervention (state, next_guardrail_at, scheduled_for, follow_up_due_at);
-- At most one open team-level intervention per team, behavior and gap type: later PROCESS/CAPACITY gaps attach.
CREATE UNIQUE INDEX intervention_open_team_level ON intervention (team_id, behavior_id, gap_type)
    WHERE agent_id IS NULL AND state NOT IN ('CLOSED_EFFECTIVE', 'CLOSED_INEFFECTIVE', 'CANCELLED');

-- Every gap ever received, mapped to the one intervention it belongs to: the primary key makes a redelivered
-- or re-published gap unable to create a second intervention.
CREATE TABLE intervention_gap (
    gap_id          VARCHAR(100) PRIMARY KEY,
    intervention_id VARCHAR(64)  NOT NULL REFERENCES intervention (id) ON DELETE CASCADE,
    agent_id        VARCHAR(100),
    envelope_id     VARCHAR(100) NOT NULL,
    detected_at     TIMESTAMPTZ  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX intervention_gap_intervention ON intervention_gap (intervention_id);

-- Agents sharing a team-level (process, capacity) gap.
CREATE TABLE intervention_affected_agent (
    intervention_id VARCHAR(64)  NOT NULL REFERENCES intervention (id) ON DELETE CASCADE,
    agent_id        VARCHAR(100) NOT NULL,
    added_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (intervention_id, agent_id)
);
CREATE INDEX intervention_affected_agent_agent ON intervention_affected_agent (agent_id);

-- State changes with the actor and the coaching note (personal data, coaching-record).
CREATE TABLE intervention_history (
    id              BIGSERIAL PRIMARY KEY,
    intervention_id VARCHAR(64)  NOT NULL REFERENCES intervention (id) ON DELETE CASCADE,
    from_state      VARCHAR(30),
    to_state        VARCHAR(30)  NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    note            VARCHAR(2000),
    occurred_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX intervention_history_intervention ON intervention_history (intervention_id);

-- Weekly capacity per owner key (role:team or role:team:person).
CREATE TABLE owner_capacity (
    owner_key       VARCHAR(300) PRIMARY KEY,
    weekly_capacity INT          NOT NULL CHECK (weekly_capacity >= 0),
    updated_by      VARCHAR(200) NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
