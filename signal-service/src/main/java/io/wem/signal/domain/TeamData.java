package io.wem.signal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the detector needs about one team and one behavior.
 *
 * @param current      the team's observations in [windowStart, windowEnd)
 * @param history      the team's observations in the earlier windows (agents' own history)
 * @param otherAgents  per-agent summaries of agents in OTHER teams in the current window (the organisation reference
 *                     for recognising team-wide gaps when the behavior has no absolute target)
 * @param satisfaction mean CSAT per agent of this team in the window (for the satisfaction guard)
 * @param staffing     the team's staffing intervals overlapping the window
 */
public record TeamData(
        String teamId,
        Instant windowStart,
        Instant windowEnd,
        List<Observation> current,
        List<Observation> history,
        List<AgentSummary> otherAgents,
        Map<String, Satisfaction> satisfaction,
        List<StaffingInterval> staffing) {

    public record AgentSummary(String agentId, String teamId, int n, double mean) {
    }

    public record Satisfaction(double mean, int n) {
    }

    public record StaffingInterval(Instant start, Instant end, String queue, int scheduled, int required,
                                   Double occupancy) {
        public boolean understaffed(double highOccupancy) {
            return required > scheduled || (occupancy != null && occupancy >= highOccupancy);
        }

        public boolean covers(Instant t, String q) {
            return !t.isBefore(start) && t.isBefore(end) && (queue == null || q == null || queue.equals(q));
        }
    }
}
