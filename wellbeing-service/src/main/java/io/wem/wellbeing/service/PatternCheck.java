package io.wem.wellbeing.service;

import io.quarkus.scheduler.Scheduled;
import io.wem.wellbeing.config.WellbeingConfig;
import io.wem.wellbeing.domain.CoachingBalance;
import io.wem.wellbeing.domain.EmotionalLoadAnalyzer;
import io.wem.wellbeing.domain.FactCount;
import io.wem.wellbeing.domain.GuardrailPolicy;
import io.wem.wellbeing.domain.IntensityWindow;
import io.wem.wellbeing.persistence.AgentStateEntity;
import io.wem.wellbeing.persistence.TeamStatsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Team checks: EMOTIONAL_LOAD for strong performers routed disproportionately to the hardest queues,
 * COACHING_PRESSURE for agents whose coaching has become mostly corrective, and MONITORING_CAP for an intensity
 * index that has stayed above the cap for the on-delay ({@link IntensityWindow#indexEpisodeDue}); run for teams with new activity every
 * few seconds and for every team periodically. A standing pattern is reported once per its own window (28 days of
 * routing, 7 of coaching by default): an alert reports a window's evidence, and the same evidence is not reported
 * again the next day (docs/calibration.md, wellbeing).
 */
@ApplicationScoped
public class PatternCheck {
    private static final Logger LOG = Logger.getLogger(PatternCheck.class);

    @Inject
    TeamStatsRepository stats;

    @Inject
    PolicyService policies;

    @Inject
    AlertService alerts;

    @Inject
    TeamProgrammes programmes;

    @Inject
    WellbeingViewService views;

    @Inject
    Clock clock;

    @Inject
    WellbeingConfig config;

    /** Teams with new activity since their last check (per replica; the alerts' cooldown is in the database). */
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    /** A team received activity: check its patterns within seconds, not only at the next periodic check. */
    public void activityIn(String teamId) {
        if (teamId != null && !teamId.isBlank()) {
            active.add(teamId);
        }
    }

    @Scheduled(every = "${wem.wellbeing.pattern-check-active-every:20s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkActive() {
        for (String team : List.copyOf(active)) {
            active.remove(team);
            check(team);
        }
    }

    /** Every team, also those without new activity: windows roll on and patterns fade or appear with time. */
    @Scheduled(every = "${wem.wellbeing.pattern-check-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkAll() {
        for (String team : teams()) {
            check(team);
        }
    }

    private void check(String team) {
        try {
            checkTeam(team);
        } catch (RuntimeException e) {
            LOG.warnf("pattern check of team %s failed: %s", team, e.getMessage());
        }
    }

    @Transactional
    List<String> teams() {
        return stats.teams();
    }

    /** Checks one team; returns how many alerts were raised. */
    @Transactional
    public int checkTeam(String teamId) {
        Instant now = clock.instant();
        GuardrailPolicy policy = policies.policyFor(teamId);
        int raised = 0;
        EmotionalLoadAnalyzer.TeamLoad load = views.teamLoad(teamId, policy, now);
        for (EmotionalLoadAnalyzer.AgentLoad a : load.agents().values()) {
            if (a.flagged() && alerts.raisePattern(a.agentId(), teamId, "EMOTIONAL_LOAD", a.message(), now,
                    Duration.ofDays(policy.load().windowDays()))) {
                raised++;
            }
        }
        Map<String, List<FactCount>> facts = programmes.facts(teamId, now.minus(IntensityWindow.historyNeeded(policy)));
        Map<String, IntensityWindow> team = TeamProgrammes.windowsAt(facts, policy, now);
        Map<String, Instant> indexDue = new TreeMap<>();
        for (AgentStateEntity m : stats.members(teamId)) {
            IntensityWindow w = team.get(m.agentId);
            if (w == null) {
                continue;
            }
            Instant overSince = w.indexEpisodeDue(config.indexAlertDelay());
            if (overSince != null) {
                indexDue.put(m.agentId, overSince);
            }
            CoachingBalance b = CoachingBalance.of(w.pressureSessions(), w.supportSessions(), policy.balance());
            if (b.pressurePattern() && alerts.raisePattern(m.agentId, teamId, "COACHING_PRESSURE",
                    b.message(policy.windowDays()), now, Duration.ofDays(policy.windowDays()))) {
                raised++;
            }
        }
        raised += programmes.indexEpisodesDue(teamId, facts, team, indexDue, policy, config.indexAlertDelay(), now);
        return raised;
    }
}
