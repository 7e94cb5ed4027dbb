-- An evaluation carries its 95 % interval, the regression-to-the-mean allowance and a three-valued verdict;
-- CLOSED_INCONCLUSIVE is terminal, so the one-open-team-level-intervention index must treat it as closed.
ALTER TABLE intervention ADD COLUMN eval_ci_low DOUBLE PRECISION;
ALTER TABLE intervention ADD COLUMN eval_ci_high DOUBLE PRECISION;
ALTER TABLE intervention ADD COLUMN eval_regression_allowance DOUBLE PRECISION;
ALTER TABLE intervention ADD COLUMN eval_outcome VARCHAR(20);

DROP INDEX intervention_open_team_level;
CREATE UNIQUE INDEX intervention_open_team_level ON intervention (team_id, behavior_id, gap_type)
    WHERE agent_id IS NULL
      AND state NOT IN ('CLOSED_EFFECTIVE', 'CLOSED_INEFFECTIVE', 'CLOSED_INCONCLUSIVE', 'CANCELLED');
