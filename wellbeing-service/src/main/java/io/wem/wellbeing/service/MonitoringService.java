package io.wem.wellbeing.service;

import io.wem.common.contracts.MonitoringEvent;
import io.wem.common.events.MalformedEventException;
import io.wem.wellbeing.domain.CoachingBalance;
import io.wem.wellbeing.domain.CoachingTheme;
import io.wem.wellbeing.domain.FactCount;
import io.wem.wellbeing.domain.GuardrailPolicy;
import io.wem.wellbeing.domain.IntensityWindow;
import io.wem.wellbeing.domain.MonitoringKind;
import io.wem.wellbeing.persistence.AgentStateEntity;
import io.wem.wellbeing.persistence.GuardrailDecisionEntity;
import io.wem.wellbeing.persistence.IntensityRepository;
import io.wem.wellbeing.persistence.MonitoringEventEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Monitoring events from the other services become intensity facts (unless the same action was already counted
 * when its guardrail decision allowed it), and may raise MONITORING_CAP (watched beyond the cap without asking)
 * or COACHING_PRESSURE alerts.
 */
@ApplicationScoped
public class MonitoringService {

    @Inject
    IntensityRepository intensity;

    @Inject
    AgentTeams teams;

    @Inject
    PolicyService policies;

    @Inject
    AlertService alerts;

    @Inject
    TeamProgrammes programmes;

    @Inject
    PatternCheck patterns;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(MonitoringEvent e) {
        MonitoringKind kind = MonitoringKind.parse(e.kind());
        if (e.monitoringId() == null || e.agentId() == null || e.agentId().isBlank() || kind == null
                || e.occurredAt() == null) {
            throw new MalformedEventException("MonitoringEvent needs monitoringId, agentId, occurredAt and a known kind");
        }
        CoachingTheme theme = CoachingTheme.parse(e.theme());
        if (e.theme() != null && !e.theme().isBlank() && theme == null) {
            throw new MalformedEventException("MonitoringEvent " + e.monitoringId() + " has unknown theme " + e.theme());
        }
        if (kind == MonitoringKind.RECOGNITION && theme == null) {
            theme = CoachingTheme.RECOGNITION;
        }
        intensity.lockAgent(e.agentId());
        if (MonitoringEventEntity.findById(e.monitoringId()) != null) {
            return;
        }
        AgentStateEntity state = AgentStateEntity.findById(e.agentId());
        if (state == null) {
            state = new AgentStateEntity();
            state.agentId = e.agentId();
            state.teamId = teams.teamOf(e.agentId(), e.teamId(), null);
            state.updatedAt = clock.instant();
            state.persist();
        } else {
            state.teamId = teams.teamOf(e.agentId(), e.teamId(), state.teamId);
        }
        String team = state.teamId;
        // coaching-service asks the guardrail for a recognition as a COACHING_SESSION themed RECOGNITION and then
        // reports it as a RECOGNITION event: both describe the same act and must count once.
        String decidedAs = kind == MonitoringKind.RECOGNITION ? MonitoringKind.COACHING_SESSION.name() : kind.name();
        boolean alreadyCounted = e.reference() != null && GuardrailDecisionEntity.count(
                "agentId = ?1 and actionKind in (?2, ?3) and reference = ?4 and counted = true",
                e.agentId(), kind.name(), decidedAs, e.reference()) > 0;
        MonitoringEventEntity row = new MonitoringEventEntity();
        row.monitoringId = e.monitoringId();
        row.agentId = e.agentId();
        row.teamId = team;
        row.kind = kind.name();
        row.automated = e.automated();
        row.score = e.score();
        row.theme = theme == null ? null : theme.name();
        row.sourceService = e.sourceService();
        row.reference = e.reference();
        row.counted = !alreadyCounted;
        row.occurredAt = e.occurredAt();
        row.persist();
        if (alreadyCounted) {
            return;
        }
        intensity.increment(e.agentId(), team, e.occurredAt(), kind, theme);
        // index episodes are the pattern check's: check this team within seconds, not at the next full round (15 min)
        patterns.activityIn(team);

        Instant now = clock.instant();
        GuardrailPolicy policy = policies.policyFor(team);
        IntensityWindow window = new IntensityWindow(intensity.snapshot(e.agentId(),
                now.minus(Duration.ofDays(policy.windowDays())).minus(FactCount.BUCKET)).facts(), policy, now);
        if (window.justOverCap(kind)) {
            // whether this opens an episode needs the window before this one too: read it only here, not per event
            window = new IntensityWindow(intensity.snapshot(e.agentId(),
                    now.minus(IntensityWindow.historyNeeded(policy))).facts(), policy, now);
        }
        if (window.crossing(kind, e.occurredAt()) == IntensityWindow.CapCrossing.KIND_CAP) {
            programmes.kindCapCrossed(e.agentId(), team, kind, window, policy, e.sourceService(), now);
        } else if (window.furtherOverCap(kind)) {
            programmes.furtherOverCap(e.agentId(), team, kind, window, policy, e.sourceService(), now);
        }
        if (kind.supportive()) {
            CoachingBalance balance = CoachingBalance.of(window.pressureSessions(), window.supportSessions(),
                    policy.balance());
            if (balance.pressurePattern()) {
                alerts.raisePattern(e.agentId(), team, "COACHING_PRESSURE", balance.message(policy.windowDays()), now,
                        Duration.ofDays(policy.windowDays()));
            }
        }
    }
}
