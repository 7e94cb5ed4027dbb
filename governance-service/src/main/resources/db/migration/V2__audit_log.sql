-- Audit log: append-only, hash-chained (see io.wem.governance.domain.audit.AuditChain) with schema-enforced immutability.

-- ---------------------------------------------------------------------------------------------------------------
-- Audit log (data class audit-event): append-only, hash-chained. Each row's hash covers its canonical fields and
-- the previous row's hash (see io.wem.governance.domain.audit.AuditChain).
CREATE TABLE audit_entry (
    sequence     BIGINT       PRIMARY KEY,
    audit_id     VARCHAR(100) NOT NULL UNIQUE,
    service      VARCHAR(100) NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    actor_roles  TEXT         NOT NULL,
    subject      VARCHAR(200),
    action       VARCHAR(40)  NOT NULL,
    resource     VARCHAR(300) NOT NULL,
    purpose      VARCHAR(500),
    outcome      VARCHAR(20)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    trace_id     VARCHAR(100),
    recorded_at  TIMESTAMPTZ  NOT NULL,
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL
);
CREATE INDEX audit_entry_subject ON audit_entry (subject, sequence);
CREATE INDEX audit_entry_actor ON audit_entry (actor, sequence);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at);

-- The chain's head: appends lock this one row, so sequence and prev_hash are assigned strictly in order.
CREATE TABLE audit_chain_head (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    last_sequence BIGINT   NOT NULL,
    last_hash     CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Where verification starts after retention removed a prefix of the chain: the last purged entry's hash.
CREATE TABLE audit_chain_anchor (
    id                   BIGSERIAL    PRIMARY KEY,
    last_purged_sequence BIGINT       NOT NULL,
    last_purged_hash     CHAR(64)     NOT NULL,
    purged_count         BIGINT       NOT NULL,
    cutoff               TIMESTAMPTZ  NOT NULL,
    anchored_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Immutability in the schema: no UPDATE, no TRUNCATE, and DELETE only inside audit_purge_prefix().
CREATE FUNCTION audit_entry_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('wem.audit_purge', true) = 'prefix' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_entry is append-only: % rejected', TG_OP USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_immutable();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_immutable();
CREATE TRIGGER audit_anchor_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_chain_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_immutable();
-- Belt and braces: the owning role gives up UPDATE and TRUNCATE on the log itself.
REVOKE UPDATE, TRUNCATE ON audit_entry FROM CURRENT_USER;

-- Retention of audit events removes only a prefix of the chain (entries recorded before the cutoff, stopping before
-- keep_from, the first entry a legal hold protects) and records an anchor, so the rest still verifies.
CREATE FUNCTION audit_purge_prefix(cutoff TIMESTAMPTZ, keep_from BIGINT) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    first_recent BIGINT;
    last_seq     BIGINT;
    last_h       CHAR(64);
    n            BIGINT;
BEGIN
    PERFORM 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
    SELECT min(sequence) INTO first_recent FROM audit_entry WHERE recorded_at >= cutoff;
    SELECT max(sequence) INTO last_seq FROM audit_entry
     WHERE sequence < LEAST(COALESCE(first_recent, 9223372036854775807), COALESCE(keep_from, 9223372036854775807));
    IF last_seq IS NULL THEN
        RETURN 0;
    END IF;
    SELECT hash INTO last_h FROM audit_entry WHERE sequence = last_seq;
    PERFORM set_config('wem.audit_purge', 'prefix', true);
    DELETE FROM audit_entry WHERE sequence <= last_seq;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('wem.audit_purge', '', true);
    INSERT INTO audit_chain_anchor (last_purged_sequence, last_purged_hash, purged_count, cutoff)
    VALUES (last_seq, last_h, n, cutoff);
    RETURN n;
END
$$;
