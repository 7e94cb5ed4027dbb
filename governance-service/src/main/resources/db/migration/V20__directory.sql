-- The organisation directory: teams, people and assignments with validity (history is kept: an assignment is
-- closed by setting valid_to, never deleted, so a past read can be judged by the membership at that time).
CREATE TABLE directory_team (
    team_id     TEXT PRIMARY KEY,
    name        TEXT,
    site        TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE directory_person (
    username     TEXT PRIMARY KEY,
    display_name TEXT,
    agent_id     TEXT UNIQUE,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE directory_assignment (
    id               BIGSERIAL PRIMARY KEY,
    username         TEXT NOT NULL,
    role             TEXT NOT NULL,
    team_id          TEXT NOT NULL,
    subject_agent_id TEXT,
    source           TEXT NOT NULL,
    valid_from       TIMESTAMPTZ NOT NULL,
    valid_to         TIMESTAMPTZ,
    opened_by        TEXT NOT NULL,
    closed_by        TEXT
);

-- one open row per assignment key and source
CREATE UNIQUE INDEX directory_assignment_open
    ON directory_assignment (username, role, team_id, COALESCE(subject_agent_id, ''), source) WHERE valid_to IS NULL;
CREATE INDEX directory_assignment_team ON directory_assignment (team_id, role);
CREATE INDEX directory_assignment_user ON directory_assignment (username);
CREATE INDEX directory_assignment_agent ON directory_assignment (subject_agent_id) WHERE subject_agent_id IS NOT NULL;
