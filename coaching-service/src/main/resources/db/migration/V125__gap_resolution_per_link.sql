-- Each linked gap resolves on its own: a team-level intervention collects several gaps and is only "all gaps
-- resolved" (intervention.gap_resolved_at) when the last of them is. Backfill: the primary gap's old resolution.
ALTER TABLE intervention_gap ADD COLUMN resolved_at TIMESTAMPTZ;
UPDATE intervention_gap g SET resolved_at = i.gap_resolved_at
  FROM intervention i
 WHERE i.id = g.intervention_id AND i.gap_id = g.gap_id AND i.gap_resolved_at IS NOT NULL;
