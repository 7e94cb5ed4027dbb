package io.wem.coaching.service;

import io.wem.coaching.client.Measurements;
import io.wem.coaching.config.CoachingConfig;
import io.wem.coaching.domain.Direction;
import io.wem.coaching.domain.InterventionState;
import io.wem.coaching.domain.OutcomeEvaluation;
import io.wem.coaching.domain.StateMachine;
import io.wem.coaching.domain.Statistics;
import io.wem.coaching.domain.SuccessCriterion;
import io.wem.coaching.persistence.InterventionEntity;
import io.wem.common.contracts.BehaviorMeasurement;
import io.wem.common.contracts.MeasurementSeries;
import io.wem.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Closes the loop: fetches the behavior's measurements (value, size and spread) for the gap window and the window
 * since the first coaching, builds the comparison (uncoached peers with the same gap, else the team trend) and
 * closes the intervention with the figures and their interval: CLOSED_EFFECTIVE, CLOSED_INEFFECTIVE or
 * CLOSED_INCONCLUSIVE. Remote calls happen outside transactions; a missing measurement fails the
 * evaluation (503) rather than closing on invented numbers.
 */
@ApplicationScoped
public class EvaluationService {
    private static final Logger LOG = Logger.getLogger(EvaluationService.class);

    @Inject
    InterventionService interventions;

    @Inject
    Measurements measurements;

    @Inject
    CoachingConfig config;

    @Inject
    Clock clock;

    /** What the evaluation needs, read in one short transaction. */
    record Input(String id, String agentId, String teamId, String behaviorId, Instant beforeFrom, Instant beforeTo,
                 Instant afterFrom, SuccessCriterion criterion, List<String> peers, List<String> affected) {
    }

    public InterventionEntity evaluate(String id, String actor) {
        return evaluate(id, actor, null);
    }

    /**
     * A replay window: when behavior data arrives after the fact (e.g. a platform replaying history), the "after"
     * window is given explicitly instead of "since the first coaching until now". It must start after the gap's
     * window and end no later than now, so before and after never overlap and nothing is measured in the future.
     */
    public record AfterWindow(Instant from, Instant to) {
    }

    public InterventionEntity evaluate(String id, String actor, AfterWindow window) {
        Input in = input(id);
        Instant afterTo = clock.instant();
        if (window != null) {
            if (window.from() == null || window.to() == null || !window.from().isBefore(window.to())) {
                throw ProblemException.badRequest("afterFrom", "give afterFrom before afterTo");
            }
            if (in.beforeTo() != null && window.from().isBefore(in.beforeTo())) {
                throw ProblemException.badRequest("afterFrom", "must not start before the gap window ends ("
                        + in.beforeTo() + ")");
            }
            if (window.to().isAfter(afterTo)) {
                throw ProblemException.badRequest("afterTo", "must not be in the future");
            }
            afterTo = window.to();
            in = new Input(in.id(), in.agentId(), in.teamId(), in.behaviorId(), in.beforeFrom(), in.beforeTo(),
                    window.from(), in.criterion(), in.peers(), in.affected());
        }
        OutcomeEvaluation.Result result;
        if (in.agentId() != null) {
            MeasurementSeries before = fetch(in.agentId(), in, in.beforeFrom(), in.beforeTo());
            MeasurementSeries after = fetch(in.agentId(), in, in.afterFrom(), afterTo);
            List<OutcomeEvaluation.Change> peers = new ArrayList<>();
            for (String peer : in.peers()) {
                try {
                    Double pb = value(measurements.series(peer, in.behaviorId(), in.beforeFrom(), in.beforeTo()));
                    Double pa = value(measurements.series(peer, in.behaviorId(), in.afterFrom(), afterTo));
                    if (pb != null && pa != null) {
                        peers.add(new OutcomeEvaluation.Change(pb, pa));
                    }
                } catch (RuntimeException e) {
                    // One unreachable peer only narrows the comparison group.
                    LOG.debugf("peer %s left out of the comparison: %s", peer, e.getMessage());
                }
            }
            OutcomeEvaluation.Change team = null;
            if (before.total().teamValue() != null && after.total().teamValue() != null) {
                team = new OutcomeEvaluation.Change(before.total().teamValue(), after.total().teamValue());
            }
            result = OutcomeEvaluation.evaluate(in.criterion(), window(before, "before"), window(after, "after"),
                    peers, team);
        } else {
            // Team-level work changes the whole team, so no internal comparison exists: paired changes of the
            // affected agents.
            List<OutcomeEvaluation.Change> changes = new ArrayList<>();
            for (String agent : in.affected()) {
                // An agent without samples in a window (absent that week) is left out of the team's mean.
                Double b = value(series(agent, in, in.beforeFrom(), in.beforeTo()));
                Double a = value(series(agent, in, in.afterFrom(), afterTo));
                if (b != null && a != null) {
                    changes.add(new OutcomeEvaluation.Change(b, a));
                }
            }
            if (changes.isEmpty()) {
                throw ProblemException.unavailable("no measurements for the affected agents yet", Duration.ofHours(1));
            }
            result = OutcomeEvaluation.evaluateTeam(in.criterion(), changes);
        }
        return interventions.close(id, result, actor);
    }

    /** Plain reads (Panache reads need no transaction); the state check comes first. */
    Input input(String id) {
        InterventionEntity i = interventions.get(id);
        InterventionState state = InterventionState.valueOf(i.state);
        if (state != InterventionState.FOLLOW_UP) {
            throw new StateMachine.IllegalTransitionException(state, InterventionState.CLOSED_EFFECTIVE,
                    "only interventions in FOLLOW_UP are evaluated");
        }
        SuccessCriterion criterion = new SuccessCriterion(i.metric, Direction.valueOf(i.direction),
                i.relativeImprovement, i.absoluteTarget, Duration.parse(i.followUpWindow));
        Instant afterFrom = i.agentId != null && i.firstCoachingAt != null ? i.firstCoachingAt
                : (i.completedAt != null ? i.completedAt : i.updatedAt);
        List<String> peers = List.of();
        if (i.agentId != null) {
            // Peers: same team and behavior, a known gap, and not coached before the after-window ends.
            List<InterventionEntity> others = InterventionEntity.find("teamId = ?1 and behaviorId = ?2 and "
                            + "agentId is not null and agentId <> ?3 and firstCoachingAt is null order by createdAt desc",
                    i.teamId, i.behaviorId, i.agentId).page(0, config.evaluation().maxPeers()).list();
            peers = others.stream().map(o -> o.agentId).distinct().toList();
        }
        List<String> affected = i.agentId == null ? interventions.affectedAgents(i.id) : List.of();
        return new Input(i.id, i.agentId, i.teamId, i.behaviorId, i.gapWindowStart, i.gapWindowEnd, afterFrom,
                criterion, peers, affected);
    }

    /** The agent's series with a total (agent-level evaluation needs one); 503 otherwise. */
    private MeasurementSeries fetch(String agentId, Input in, Instant from, Instant to) {
        MeasurementSeries s = series(agentId, in, from, to);
        if (s == null || s.total() == null) {
            throw unavailable(agentId, "no total in the measurement series");
        }
        return s;
    }

    /** The agent's series as signal-service answers it (maybe without a total); 503 when it cannot be read. */
    private MeasurementSeries series(String agentId, Input in, Instant from, Instant to) {
        try {
            return measurements.series(agentId, in.behaviorId(), from, to);
        } catch (RuntimeException e) {
            throw unavailable(agentId, e.getMessage());
        }
    }

    private static ProblemException unavailable(String agentId, String why) {
        return ProblemException.unavailable("measurements of " + agentId + " from signal-service unavailable: " + why,
                Duration.ofMinutes(5));
    }

    /**
     * The agent's window with its spread: the observations' standard deviation when signal-service gives it,
     * else one derived from the day-to-day spread (at least two days), else unknown (the verdict is then
     * INCONCLUSIVE rather than a judgement on a point estimate).
     */
    private static OutcomeEvaluation.Window window(MeasurementSeries s, String window) {
        Double v = value(s);
        if (v == null) {
            throw ProblemException.unavailable("no " + window + " measurement with samples yet", Duration.ofHours(1));
        }
        BehaviorMeasurement t = s.total();
        Double sd = t.standardDeviation();
        List<Double> days = s.daily() == null ? List.of()
                : s.daily().stream().filter(d -> d.sampleSize() > 0).map(BehaviorMeasurement::value).toList();
        if (sd == null && days.size() >= 2) {
            sd = Statistics.stdDev(days) / Math.sqrt(days.size()) * Math.sqrt(t.sampleSize());
        }
        return new OutcomeEvaluation.Window(v, t.sampleSize(), sd, t.teamValue(), t.teamSampleSize());
    }

    private static Double value(MeasurementSeries s) {
        if (s == null || s.total() == null) {
            return null;
        }
        BehaviorMeasurement t = s.total();
        return t.sampleSize() > 0 ? t.value() : null;
    }
}
