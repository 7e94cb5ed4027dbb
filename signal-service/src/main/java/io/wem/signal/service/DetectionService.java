package io.wem.signal.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.contracts.BehaviorGapResolved;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.common.outbox.Outbox;
import io.wem.signal.config.SignalConfig;
import io.wem.signal.domain.Assessment;
import io.wem.signal.domain.Behavior;
import io.wem.signal.domain.GapDetector;
import io.wem.signal.domain.TeamData;
import io.wem.signal.persistence.GapRepository;
import io.wem.signal.persistence.ObservationRepository;
import io.wem.signal.persistence.OrgReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs detection for teams with new signals (debounced: every few seconds, each dirty team once) and turns the
 * detector's verdicts into open/resolved gaps plus their events, in one transaction per team.
 */
@ApplicationScoped
public class DetectionService {
    private static final Logger LOG = Logger.getLogger(DetectionService.class);
    static final String SOURCE = "signal-service";

    @Inject
    EntityManager em;

    @Inject
    ObservationRepository observations;

    @Inject
    GapRepository gaps;

    @Inject
    BehaviorService behaviors;

    @Inject
    Outbox outbox;

    @Inject
    SignalConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    DetectionService self;

    @Inject
    Clock clock;

    /** How long one detection pass shares the organisation reference across the teams it evaluates. */
    static final Duration ORG_REFERENCE_MAX_AGE = Duration.ofSeconds(10);

    @Scheduled(every = "${wem.signal.detection.interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            // Bounded per tick so one busy tick cannot starve the rest of the scheduler.
            OrgReference org = new OrgReference(clock.instant());
            for (int k = 0; k < 200 && self.evaluateNextDirtyTeam(org); k++) {
                if (org.olderThan(ORG_REFERENCE_MAX_AGE, clock.instant())) {
                    org = new OrgReference(clock.instant());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "gap detection paused");
        }
    }

    /** Windows roll on without new signals, so teams with open gaps are re-evaluated hourly to resolve them. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void markTeamsWithOpenGaps() {
        for (String team : gaps.teamsWithOpenGaps()) {
            markDirty(team);
        }
    }

    /**
     * Claims one dirty team and evaluates it; false when none is left. The claim commits on its own before the
     * evaluation: held open through the evaluation, the deleted row would make every ingestion request that marks
     * the same team dirty wait until the evaluation commits (seconds on a busy team), stalling ingestion behind
     * detection. Signals arriving during the evaluation mark the team dirty again, so they are evaluated next tick.
     * The evaluation time is read after the claim, so a team marked dirty at a time is evaluated at or after it.
     */
    public boolean evaluateNextDirtyTeam(OrgReference org) {
        String team = self.claimDirtyTeam();
        if (team == null) {
            return false;
        }
        try {
            self.evaluateTeamAlone(team, clock.instant(), org);
        } catch (RuntimeException e) {
            self.markDirty(team); // not lost: evaluated again on a later tick
            throw e;
        }
        return true;
    }

    /** Removes and returns the oldest dirty team (SKIP LOCKED: replicas share the work); null when none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String claimDirtyTeam() {
        @SuppressWarnings("unchecked")
        List<String> claimed = em.createNativeQuery("DELETE FROM dirty_team WHERE team_id = (SELECT team_id FROM "
                + "dirty_team ORDER BY marked_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING team_id").getResultList();
        return claimed.isEmpty() ? null : claimed.get(0);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markDirty(String team) {
        em.createNativeQuery("INSERT INTO dirty_team (team_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, team).executeUpdate();
    }

    /**
     * Evaluates a team unless another replica is evaluating it right now (a transaction-scoped advisory lock per
     * team); then it only marks the team dirty again, so the newer signals are not skipped.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void evaluateTeamAlone(String team, Instant now, OrgReference org) {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('wem-detection:' || ?1))")
                .setParameter(1, team).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            markDirty(team);
            return;
        }
        evaluateTeam(team, now, org);
    }

    @Transactional
    public void evaluateTeam(String teamId, Instant now, OrgReference org) {
        GapDetector detector = new GapDetector(new GapDetector.Settings(config.detection().processShare(),
                config.detection().processMinAgents(), config.detection().highOccupancy(),
                config.detection().minShortfall()));
        for (Behavior b : behaviors.enabled()) {
            TeamData data = observations.teamData(b, teamId, now, config.detection().historyWindows(), org);
            List<Assessment> assessments;
            try {
                assessments = detector.assessWithSlices(b, data);
            } catch (RuntimeException e) {
                // A defect in one behavior's rules must not stop the team's other behaviors, nor keep the team
                // retried every tick; it is logged and counted so it is seen (the rules are pure: nothing to undo).
                metrics.counter("wem.signal.detection.failures", "behavior", b.id()).increment();
                LOG.errorf(e, "behavior %s could not be assessed for team %s; its gaps are left as they were", b.id(),
                        teamId);
                continue;
            }
            reconcile(detector, b, data, assessments, now);
        }
    }

    /**
     * The end of the data the gap rests on: just after the team's latest observation, not the evaluation time. For live
     * traffic the two coincide; for history replayed later this keeps "before coaching" from reaching into data that
     * arrived after the gap (coaching measures the after-window from there).
     */
    static Instant evidenceEnd(TeamData data) {
        return data.current().stream().map(o -> o.at()).max(Instant::compareTo)
                .map(t -> t.plusMillis(1)).orElse(data.windowEnd());
    }

    private void reconcile(GapDetector detector, Behavior b, TeamData data, List<Assessment> assessments,
                           Instant now) {
        Map<String, GapRepository.StoredGap> open = new HashMap<>();
        for (GapRepository.StoredGap g : gaps.openForTeamAndBehavior(data.teamId(), b.id())) {
            open.put(g.detected().agentId(), g);
        }
        for (Assessment a : assessments) {
            GapRepository.StoredGap existing = open.get(a.agentId());
            if (a.gap() && existing == null) {
                BehaviorGapDetected g = new BehaviorGapDetected(UUID.randomUUID().toString(), a.agentId(),
                        data.teamId(), b.id(), b.version(), b.metric(), a.observed(), a.baseline(), a.baselineKind(),
                        a.effectSize(), a.sampleSize(), a.confidenceLow(), a.confidenceHigh(),
                        a.evidenceInteractionIds(), a.gapType(), a.causeExplanation(), a.affectedAgentIds(), a.queue(),
                        a.contactReason(), b.customerImpact(), data.windowStart(), evidenceEnd(data), now);
                if (gaps.open(g)) {
                    outbox.add(Topics.GAPS, g.agentId(), EventEnvelope.withId(g.gapId(), EventTypes.GAP_DETECTED,
                            SOURCE, g.agentId(), g));
                    metrics.counter("wem.signal.gaps.detected", "behavior", b.id(), "type", g.gapType().name())
                            .increment();
                }
            } else if (!a.gap() && existing != null) {
                BehaviorGapDetected d = existing.detected();
                String over = detector.resolution(b, data, a.agentId(), d.gapType(), d.baseline(),
                        d.windowEnd() != null ? d.windowEnd() : d.detectedAt(), a);
                if (over == null) {
                    continue;
                }
                BehaviorGapResolved r = new BehaviorGapResolved(d.gapId(), a.agentId(), data.teamId(), b.id(),
                        a.observed(), Double.isNaN(a.baseline()) ? d.baseline() : a.baseline(), over, now);
                if (gaps.resolve(r)) {
                    outbox.add(Topics.GAPS, r.agentId(), EventEnvelope.withId(UUID.randomUUID().toString(),
                            EventTypes.GAP_RESOLVED, SOURCE, r.agentId(), r));
                    metrics.counter("wem.signal.gaps.resolved", "behavior", b.id()).increment();
                }
            }
        }
    }
}
