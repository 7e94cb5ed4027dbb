-- A finished access-request export is personal data outside the retention classes: it now expires (export_json is
-- cleared after wem.governance.subject-requests.export-ttl) and is cleared when the subject's erasure completes.
ALTER TABLE subject_request ADD COLUMN export_expires_at TIMESTAMPTZ;
ALTER TABLE subject_request ADD COLUMN export_cleared_at TIMESTAMPTZ;
ALTER TABLE subject_request ADD COLUMN export_cleared_why VARCHAR(20)
    CHECK (export_cleared_why IN ('EXPIRED', 'ERASED'));
-- Exports finished before this migration expire 30 days after completion (the default TTL).
UPDATE subject_request SET export_expires_at = completed_at + interval '30 days'
 WHERE export_json IS NOT NULL AND completed_at IS NOT NULL;
CREATE INDEX subject_request_export_expiry ON subject_request (export_expires_at) WHERE export_json IS NOT NULL;
