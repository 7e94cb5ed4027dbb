package io.wem.signal.persistence;

import io.wem.signal.domain.Behavior;
import io.wem.signal.domain.LogRatio;
import io.wem.signal.domain.TeamData;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The organisation reference — every agent's count and mean for a behavior over its window, by team — read once per
 * detection pass and shared by every team evaluated in that pass. It is one scan of the window over all teams, by
 * far the costliest read of an evaluation (80 ms against 4 ms for the team's own observations on 220,000
 * interactions), and it barely moves between teams evaluated seconds apart. Each team leaves its own agents out.
 * Not thread-safe: one pass, one thread.
 */
public final class OrgReference {
    private final Map<Behavior, Summaries> byBehavior = new HashMap<>();
    private final Instant startedAt;

    public OrgReference(Instant startedAt) {
        this.startedAt = startedAt;
    }

    /** Older than maxAge: a long pass (many dirty teams) reads the organisation again rather than lag behind it. */
    public boolean olderThan(Duration maxAge, Instant now) {
        return startedAt.plus(maxAge).isBefore(now);
    }

    Summaries agents(Behavior b, Supplier<Summaries> read) {
        return byBehavior.computeIfAbsent(b, k -> read.get());
    }

    /** Every agent's summary overall and per slice key (see {@link TeamData.Slice#key()}). */
    record Summaries(List<TeamData.AgentSummary> overall, Map<String, List<TeamData.AgentSummary>> bySlice,
                     List<TeamData.OrgCell> cells) {

        /** Aggregates (agent, team, reason, queue) groups into overall and per-slice summaries and per-team cells. */
        static final class Builder {
            private final Map<List<String>, double[]> overall = new java.util.LinkedHashMap<>();
            private final Map<String, Map<List<String>, double[]>> slices = new java.util.LinkedHashMap<>();
            private final Map<List<String>, LogRatio.Sums> cells = new java.util.LinkedHashMap<>();

            void add(String agent, String team, String reason, String queue, LogRatio.Sums sums) {
                cells.merge(java.util.Arrays.asList(team, reason, queue), sums, LogRatio.Sums::plus);
                add(agent, team, reason, queue, sums.n(), sums.sum());
            }

            void add(String agent, String team, String reason, String queue, int n, double sum) {
                List<String> who = List.of(agent, team);
                accumulate(overall, who, n, sum);
                if (reason != null) {
                    accumulate(slices.computeIfAbsent(new TeamData.Slice("contactReason", reason).key(),
                            k -> new java.util.LinkedHashMap<>()), who, n, sum);
                }
                if (queue != null) {
                    accumulate(slices.computeIfAbsent(new TeamData.Slice("queue", queue).key(),
                            k -> new java.util.LinkedHashMap<>()), who, n, sum);
                }
            }

            private static void accumulate(Map<List<String>, double[]> m, List<String> who, int n, double sum) {
                double[] acc = m.computeIfAbsent(who, k -> new double[2]);
                acc[0] += n;
                acc[1] += sum;
            }

            private static List<TeamData.AgentSummary> summaries(Map<List<String>, double[]> m) {
                return m.entrySet().stream().map(e -> new TeamData.AgentSummary(e.getKey().get(0), e.getKey().get(1),
                        (int) e.getValue()[0], e.getValue()[1] / e.getValue()[0])).toList();
            }

            Summaries build() {
                Map<String, List<TeamData.AgentSummary>> by = new HashMap<>();
                slices.forEach((k, v) -> by.put(k, summaries(v)));
                return new Summaries(summaries(overall), by, cells.entrySet().stream()
                        .map(e -> new TeamData.OrgCell(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2),
                                e.getValue())).toList());
            }
        }
    }
}
