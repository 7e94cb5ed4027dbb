package io.wem.signal.domain;

import io.wem.common.contracts.BehaviorMeasurement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Daily and whole-period values of one agent beside their team (pooled over the team's observations). */
public final class Measurements {
    private Measurements() {
    }

    public static List<BehaviorMeasurement> daily(Behavior b, String agentId, String teamId, List<Observation> agent,
                                                  List<Observation> team, Instant from, Instant to) {
        Map<Instant, List<Observation>> agentDays = byDay(agent);
        Map<Instant, List<Observation>> teamDays = byDay(team);
        List<BehaviorMeasurement> out = new ArrayList<>();
        for (Map.Entry<Instant, List<Observation>> day : agentDays.entrySet()) {
            Instant start = day.getKey().isBefore(from) ? from : day.getKey();
            Instant dayEnd = day.getKey().plus(1, ChronoUnit.DAYS);
            Instant end = dayEnd.isAfter(to) ? to : dayEnd;
            out.add(measurement(b, agentId, teamId, day.getValue(), teamDays.getOrDefault(day.getKey(), List.of()),
                    start, end));
        }
        return out;
    }

    /** Null when the agent has no observation in the period (a value would be invented). */
    public static BehaviorMeasurement total(Behavior b, String agentId, String teamId, List<Observation> agent,
                                            List<Observation> team, Instant from, Instant to) {
        return agent.isEmpty() ? null : measurement(b, agentId, teamId, agent, team, from, to);
    }

    static BehaviorMeasurement measurement(Behavior b, String agentId, String teamId, List<Observation> agent,
                                           List<Observation> team, Instant from, Instant to) {
        return new BehaviorMeasurement(agentId, teamId, b.id(), b.metric(), from, to,
                round(Stats.mean(GapDetector.values(agent))), agent.size(),
                team.isEmpty() ? null : round(Stats.mean(GapDetector.values(team))), team.isEmpty() ? null : team.size(),
                agent.size() < 2 ? null : round(Stats.sd(GapDetector.values(agent))));
    }

    static Map<Instant, List<Observation>> byDay(List<Observation> obs) {
        return obs.stream().collect(Collectors.groupingBy(
                o -> o.at().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant(), TreeMap::new,
                Collectors.toList()));
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
