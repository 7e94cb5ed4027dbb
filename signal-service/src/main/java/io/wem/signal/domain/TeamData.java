package io.wem.signal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything the detector needs about one team and one behavior.
 *
 * @param current            the team's observations in [windowStart, windowEnd)
 * @param history            the team's observations in the earlier windows (agents' own history)
 * @param otherAgents        per-agent summaries of agents in OTHER teams in the current window (the organisation
 *                           reference for recognising team-wide gaps when the behavior has no absolute target)
 * @param satisfaction       mean CSAT per agent of this team in the window (for the satisfaction guard)
 * @param staffing           the team's staffing intervals overlapping the window
 * @param otherAgentsBySlice the same organisation reference per slice ({@link Slice#key()}), empty when unknown
 * @param orgCells           the other teams' observations as log-scale sums per (team, reason, queue): the
 *                           organisation reference of durations, compared on the log scale ({@link LogRatio}); empty
 *                           when unknown
 */
public record TeamData(
        String teamId,
        Instant windowStart,
        Instant windowEnd,
        List<Observation> current,
        List<Observation> history,
        List<AgentSummary> otherAgents,
        Map<String, Satisfaction> satisfaction,
        List<StaffingInterval> staffing,
        Map<String, List<AgentSummary>> otherAgentsBySlice,
        List<OrgCell> orgCells) {

    public TeamData(String teamId, Instant windowStart, Instant windowEnd, List<Observation> current,
                    List<Observation> history, List<AgentSummary> otherAgents, Map<String, Satisfaction> satisfaction,
                    List<StaffingInterval> staffing, Map<String, List<AgentSummary>> otherAgentsBySlice) {
        this(teamId, windowStart, windowEnd, current, history, otherAgents, satisfaction, staffing, otherAgentsBySlice,
                List.of());
    }

    public TeamData(String teamId, Instant windowStart, Instant windowEnd, List<Observation> current,
                    List<Observation> history, List<AgentSummary> otherAgents, Map<String, Satisfaction> satisfaction,
                    List<StaffingInterval> staffing) {
        this(teamId, windowStart, windowEnd, current, history, otherAgents, satisfaction, staffing, Map.of(),
                List.of());
    }

    /** Another team's observations of one contact reason and queue, as log-scale sums. */
    public record OrgCell(String teamId, String reason, String queue, LogRatio.Sums sums) {
    }

    /**
     * The organisation's other teams as one reference per contact reason (the key {@link LogRatio#reason}), for
     * {@link LogRatio#of(List, Map, java.util.function.Function)}.
     */
    public Map<String, LogRatio.Sums> orgByReason() {
        Map<String, LogRatio.Sums> out = new java.util.HashMap<>();
        for (OrgCell c : orgCells) {
            out.merge(c.reason() == null ? "" : c.reason(), c.sums(), LogRatio.Sums::plus);
        }
        return out;
    }

    public record AgentSummary(String agentId, String teamId, int n, double mean) {
    }

    public record Satisfaction(double mean, int n) {
    }

    /** One slice of a behavior's observations: a contact reason or a queue the signals carry. */
    public record Slice(String dimension, String value) {
        public String key() {
            return dimension + "=" + value;
        }

        public boolean contains(Observation o) {
            return value.equals(dimension.equals("queue") ? o.queue() : o.contactReason());
        }
    }

    /** The team's data restricted to one slice (current, history and the organisation reference). */
    public TeamData slice(Slice s) {
        Predicate<Observation> in = s::contains;
        return new TeamData(teamId, windowStart, windowEnd, current.stream().filter(in).toList(),
                history.stream().filter(in).toList(), otherAgentsBySlice.getOrDefault(s.key(), List.of()),
                satisfaction, staffing, Map.of(), orgCells.stream()
                .filter(c -> s.value().equals(s.dimension().equals("queue") ? c.queue() : c.reason())).toList());
    }

    /**
     * @param required  agents the forecast needed in the interval
     * @param scheduled agents scheduled
     */
    public record StaffingInterval(Instant start, Instant end, String queue, int scheduled, int required,
                                   Double occupancy) {
        /** Graded shortfall (required - scheduled) / required, 0 when fully staffed. */
        public double shortfall() {
            return required <= 0 ? 0 : Math.max(0, (required - scheduled) / (double) required);
        }

        /**
         * Short enough to matter: a shortfall of at least {@code minShortfall} and of at least two agents, or
         * occupancy at or above {@code highOccupancy}. One agent missing is the everyday state of many centres, not
         * a capacity problem, whatever its share: of twelve it is 8%, but staffing is often reported per queue, where
         * one of two scheduled is 50%, and counting those intervals diluted the truly short hours (the demo's
         * understaffed afternoons were missed: DetectionSemanticsTest.oneAgentShortOfASmallQueue...).
         */
        public boolean understaffed(double minShortfall, double highOccupancy) {
            return shortfall() >= minShortfall && required - scheduled >= 2
                    || occupancy != null && occupancy >= highOccupancy;
        }

        public boolean covers(Instant t, String q) {
            return !t.isBefore(start) && t.isBefore(end) && (queue == null || q == null || queue.equals(q));
        }
    }
}
