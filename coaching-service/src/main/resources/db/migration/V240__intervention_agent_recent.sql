-- An agent's own plan reads "agent_id = ? AND state IN (...) ORDER BY created_at DESC": with the index on
-- (agent_id, created_at DESC) the rows come out already in order, so the read no longer sorts the agent's whole
-- history. It replaces the single-column index, which it covers as a prefix.
CREATE INDEX intervention_agent_recent ON intervention (agent_id, created_at DESC);
DROP INDEX intervention_agent;
