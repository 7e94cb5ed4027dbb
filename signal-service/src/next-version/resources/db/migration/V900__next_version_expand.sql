-- Test-only (issue #18): the expand step of an imagined next version of signal-service. It is never in the shipped
-- build: only `-Pnext-version` (./wem, for ReplicasIT's upgrade) puts this folder on the classpath of a second build,
-- in target/next-version. It only adds: a nullable column and a table the running version does not know, so the
-- running version keeps working beside the new schema (docs/conventions.md, "Migrations: expand, then contract").
ALTER TABLE signal_interaction ADD COLUMN next_version_note VARCHAR(100);
CREATE TABLE next_version_probe (
    id         BIGSERIAL   PRIMARY KEY,
    written_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
