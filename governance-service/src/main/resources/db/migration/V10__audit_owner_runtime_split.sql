-- The audit log against the service's own database login (issue 14).
-- From here on the schema belongs to the migration owner (Flyway's login, e.g. wem_governance_owner) and the
-- service runs as ${runtime_role}, which gets only what it needs: it can append to and read the audit log but not
-- change, delete, truncate, re-grant, or drop/disable its triggers (only an owner may). Retention of the log goes
-- through audit_purge_prefix, a SECURITY DEFINER function that deletes no more than retention allows.

DO $$
BEGIN
    IF '${runtime_role}' = current_user THEN
        RAISE EXCEPTION 'governance migrations must run as a migration owner, not as the runtime role % '
            '(set quarkus.flyway.username/password to the owner; see docs/deploy-kubernetes.md)', current_user;
    END IF;
END
$$;

-- Databases created before the split: take over what the runtime role owns (the owner must be a member of the
-- runtime role for this, as ./wem and docs/deploy-kubernetes.md set up; without membership the first ALTER fails).
DO $$
DECLARE o record;
BEGIN
    FOR o IN SELECT c.relname AS name,
                    CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END AS kind
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S', 'v')
                AND pg_get_userbyid(c.relowner) = '${runtime_role}'
                AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) LOOP
        EXECUTE format('ALTER %s %I OWNER TO %I', o.kind, o.name, current_user);
    END LOOP;
    FOR o IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = current_schema() AND pg_get_userbyid(p.proowner) = '${runtime_role}' LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', o.sig, current_user);
    END LOOP;
END
$$;

-- PostgreSQL < 15 lets every role create in public; the runtime role must not (it could shadow our objects).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${runtime_role};

-- Ordinary tables: full DML for the runtime role, now and for tables later migrations create.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${runtime_role};
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${runtime_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtime_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${runtime_role};
REVOKE ALL ON ${flyway:table} FROM ${runtime_role};

-- The audit log itself: append and read only. The head row is updated on every append (its row lock orders the
-- chain); a rewritten head is caught by the signed checkpoints published outside the database.
REVOKE ALL ON audit_entry, audit_chain_anchor FROM ${runtime_role};
GRANT SELECT, INSERT ON audit_entry TO ${runtime_role};
GRANT SELECT ON audit_chain_anchor TO ${runtime_role};
REVOKE DELETE, TRUNCATE ON audit_chain_head FROM ${runtime_role};

-- Keyed chain: entries up to legacy_until_sequence were chained with plain SHA-256 (key_version 0) before this
-- migration; every later entry must carry an HMAC-SHA256 key version >= 1. Verification refuses a key_version 0
-- entry after the checkpoint, so an unkeyed entry cannot be slipped in later.
ALTER TABLE audit_entry ADD COLUMN key_version SMALLINT NOT NULL DEFAULT 0;
-- chain_id names this chain: checkpoints carry it, so checkpoints of another database (a recreated test or dev
-- database) are never compared with this one.
CREATE TABLE audit_chain_keying (
    id                    SMALLINT    PRIMARY KEY CHECK (id = 1),
    legacy_until_sequence BIGINT      NOT NULL,
    chain_id              UUID        NOT NULL DEFAULT gen_random_uuid(),
    switched_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO audit_chain_keying (id, legacy_until_sequence) SELECT 1, last_sequence FROM audit_chain_head WHERE id = 1;
REVOKE ALL ON audit_chain_keying FROM ${runtime_role};
GRANT SELECT ON audit_chain_keying TO ${runtime_role};

-- Signed chain-head checkpoints: a copy of what is published on wem.governance.audit-checkpoints.v1 (the topic is
-- the copy outside this database that verify trusts first). Append-only for the runtime role.
CREATE TABLE audit_checkpoint (
    id          BIGSERIAL   PRIMARY KEY,
    sequence    BIGINT      NOT NULL,
    hash        CHAR(64)    NOT NULL,
    signed_at   TIMESTAMPTZ NOT NULL,
    key_version SMALLINT    NOT NULL,
    chain_id    UUID        NOT NULL,
    signature   CHAR(64)    NOT NULL
);
CREATE INDEX audit_checkpoint_latest ON audit_checkpoint (sequence DESC);
REVOKE ALL ON audit_checkpoint FROM ${runtime_role};
GRANT SELECT, INSERT ON audit_checkpoint TO ${runtime_role};

-- The shortest window the database itself lets the audit log be purged to, whatever retention_policy says (the
-- runtime role can write retention_policy). PCI DSS 10.7 asks for at least one year of audit history.
CREATE TABLE audit_retention_floor (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    min_window INTERVAL NOT NULL
);
INSERT INTO audit_retention_floor VALUES (1, INTERVAL '1 year');
REVOKE ALL ON audit_retention_floor FROM ${runtime_role};
GRANT SELECT ON audit_retention_floor TO ${runtime_role};

-- No session-variable backdoor: a DELETE passes only when it runs as the table's owner (inside the SECURITY
-- DEFINER purge function) and that function marked the transaction.
CREATE OR REPLACE FUNCTION audit_entry_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_entry'
       AND current_setting('wem.audit_purge', true) = 'prefix'
       AND (SELECT relowner FROM pg_class WHERE oid = TG_RELID) = (SELECT oid FROM pg_roles WHERE rolname = current_user)
    THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_entry is append-only: % rejected', TG_OP USING ERRCODE = '42501';
END
$$;

-- Retention of the log: removes a prefix of the chain recorded before the cutoff the caller asks for, but never
-- past what retention allows (the audit-event window AND the floor above, whichever is longer), and never from the
-- first entry an active legal hold on its subject protects (or keep_from, if the caller names an earlier one).
CREATE OR REPLACE FUNCTION audit_purge_prefix(cutoff TIMESTAMPTZ, keep_from BIGINT) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    policy_window INTERVAL;
    floor_window  INTERVAL;
    effective     TIMESTAMPTZ;
    held_from     BIGINT;
    first_recent  BIGINT;
    last_seq      BIGINT;
    last_h        CHAR(64);
    n             BIGINT;
BEGIN
    SELECT retention_window::interval INTO policy_window FROM retention_policy WHERE data_class = 'audit-event';
    SELECT min_window INTO floor_window FROM audit_retention_floor WHERE id = 1;
    IF policy_window IS NULL OR floor_window IS NULL THEN
        RAISE EXCEPTION 'audit-event retention window or floor missing: nothing purged' USING ERRCODE = '42501';
    END IF;
    effective := LEAST(cutoff, now() - GREATEST(policy_window, floor_window));
    PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    SELECT min(e.sequence) INTO held_from
      FROM audit_entry e JOIN legal_hold h ON h.released_at IS NULL
       AND e.subject IS NOT NULL AND h.agent_ids::jsonb ? e.subject
       AND (h.from_time IS NULL OR e.occurred_at >= h.from_time)
       AND (h.to_time IS NULL OR e.occurred_at <= h.to_time)
     WHERE e.recorded_at < effective;
    SELECT min(sequence) INTO first_recent FROM audit_entry WHERE recorded_at >= effective;
    SELECT max(sequence) INTO last_seq FROM audit_entry
     WHERE sequence < LEAST(COALESCE(first_recent, 9223372036854775807), COALESCE(keep_from, 9223372036854775807),
                            COALESCE(held_from, 9223372036854775807));
    IF last_seq IS NULL THEN
        RETURN 0;
    END IF;
    SELECT hash INTO last_h FROM audit_entry WHERE sequence = last_seq;
    PERFORM set_config('wem.audit_purge', 'prefix', true);
    DELETE FROM audit_entry WHERE sequence <= last_seq;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('wem.audit_purge', '', true);
    INSERT INTO audit_chain_anchor (last_purged_sequence, last_purged_hash, purged_count, cutoff)
    VALUES (last_seq, last_h, n, effective);
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION audit_purge_prefix(TIMESTAMPTZ, BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_purge_prefix(TIMESTAMPTZ, BIGINT) TO ${runtime_role};
