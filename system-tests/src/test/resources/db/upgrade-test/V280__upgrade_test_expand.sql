-- ReplicasIT's upgrade only (never in a service's db/migration): the expand step of an imagined next version of
-- signal-service. It only adds: a nullable column and a table the running version does not know, so that version keeps
-- working beside the new schema (docs/conventions.md, "Migrations: expand, then contract").
ALTER TABLE signal_interaction ADD COLUMN upgrade_test_note VARCHAR(100);
CREATE TABLE upgrade_test_probe (
    id         BIGSERIAL   PRIMARY KEY,
    written_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
