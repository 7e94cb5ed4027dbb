-- What a team-level alert is about (MONITORING_PROGRAMME: the monitoring kind whose cap the team's programme
-- breaches, or INDEX); null for alerts about one agent. Expand-only: old replicas neither read nor write it.
ALTER TABLE wellbeing_alert ADD COLUMN subject VARCHAR(40);
CREATE INDEX wellbeing_alert_team_subject ON wellbeing_alert (team_id, kind, subject, raised_at);
