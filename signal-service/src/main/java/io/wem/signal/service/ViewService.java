package io.wem.signal.service;

import io.wem.common.contracts.BehaviorMeasurement;
import io.wem.common.contracts.MeasurementSeries;
import io.wem.signal.domain.Behavior;
import io.wem.signal.domain.Measurements;
import io.wem.signal.domain.Observation;
import io.wem.signal.domain.Stats;
import io.wem.signal.persistence.GapRepository;
import io.wem.signal.persistence.ObservationRepository;
import io.wem.signal.rest.BehaviorTrend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Read models: an agent's behaviors against the team, and measurement series. */
@ApplicationScoped
public class ViewService {

    @Inject
    ObservationRepository observations;

    @Inject
    GapRepository gaps;

    @Inject
    BehaviorService behaviors;

    public List<BehaviorTrend> trends(String agentId, String teamId, Instant now) {
        Map<String, GapRepository.StoredGap> open = new HashMap<>();
        for (GapRepository.StoredGap g : gaps.find(null, agentId, "OPEN", 100)) {
            open.put(g.detected().behaviorId(), g);
        }
        List<BehaviorTrend> out = new ArrayList<>();
        for (Behavior b : behaviors.enabled()) {
            Instant start = now.minus(b.window());
            List<Observation> team = teamId == null ? List.of() : observations.observations(b, teamId, null, start, now);
            List<Observation> mine = team.stream().filter(o -> o.agentId().equals(agentId)).toList();
            List<Double> agentMeans = team.stream().collect(Collectors.groupingBy(Observation::agentId)).values()
                    .stream().filter(l -> l.size() >= 3).map(l -> Stats.mean(l.stream().map(Observation::value).toList()))
                    .toList();
            GapRepository.StoredGap g = open.get(b.id());
            String status = g != null ? "GAP" : mine.size() < b.minSample() ? "INSUFFICIENT_DATA" : "ON_TRACK";
            Instant weekStart = now.minus(7, ChronoUnit.DAYS);
            List<BehaviorMeasurement> daily = Measurements.daily(b, agentId, teamId,
                    mine.stream().filter(o -> !o.at().isBefore(weekStart)).toList(),
                    team.stream().filter(o -> !o.at().isBefore(weekStart)).toList(), weekStart, now);
            out.add(new BehaviorTrend(b.id(), b.name(), b.metric(), b.direction().name(), start, now,
                    mine.isEmpty() ? null : Stats.mean(mine.stream().map(Observation::value).toList()), mine.size(),
                    agentMeans.isEmpty() ? null : Stats.median(agentMeans), status,
                    g == null ? null : new BehaviorTrend.OpenGap(g.detected().gapId(), g.detected().gapType(),
                            g.detected().causeExplanation(), g.detected().detectedAt()), daily));
        }
        return out;
    }

    public MeasurementSeries series(Behavior b, String agentId, String teamId, Instant from, Instant to) {
        List<Observation> team = teamId == null ? List.of() : observations.observations(b, teamId, null, from, to);
        List<Observation> mine = teamId == null ? observations.observations(b, null, agentId, from, to)
                : team.stream().filter(o -> o.agentId().equals(agentId)).toList();
        return new MeasurementSeries(agentId, teamId, b.id(), b.metric(), from, to,
                Measurements.daily(b, agentId, teamId, mine, team, from, to),
                Measurements.total(b, agentId, teamId, mine, team, from, to));
    }
}
