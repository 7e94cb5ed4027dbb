package io.wem.wellbeing.service;

import io.wem.common.audit.Audit;
import io.wem.common.problem.ProblemException;
import io.wem.common.security.Caller;
import io.wem.common.security.Roles;
import io.wem.wellbeing.domain.CoachingBalance;
import io.wem.wellbeing.domain.EmotionalLoadAnalyzer;
import io.wem.wellbeing.domain.FactCount;
import io.wem.wellbeing.domain.GuardrailPolicy;
import io.wem.wellbeing.domain.IntensityWindow;
import io.wem.wellbeing.domain.MonitoringKind;
import io.wem.wellbeing.domain.RecoveryState;
import io.wem.wellbeing.domain.RecoveryTracker;
import io.wem.common.privacy.SmallCells;
import io.wem.wellbeing.persistence.AgentStateEntity;
import io.wem.wellbeing.persistence.IntensityRepository;
import io.wem.wellbeing.persistence.TeamStatsRepository;
import io.wem.wellbeing.service.WellbeingViews.AgentRow;
import io.wem.wellbeing.service.WellbeingViews.CoachingMix;
import io.wem.wellbeing.service.WellbeingViews.Intensity;
import io.wem.wellbeing.service.WellbeingViews.KindIntensity;
import io.wem.wellbeing.service.WellbeingViews.Load;
import io.wem.wellbeing.service.WellbeingViews.MyWellbeing;
import io.wem.wellbeing.service.WellbeingViews.Recovery;
import io.wem.wellbeing.service.WellbeingViews.TeamAggregates;
import io.wem.wellbeing.service.WellbeingViews.TeamWellbeing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The agent's own view and the team view, with k-anonymity for aggregates and audit of every read. */
@ApplicationScoped
public class WellbeingViewService {

    @Inject
    IntensityRepository intensity;

    @Inject
    TeamStatsRepository stats;

    @Inject
    PolicyService policies;

    @Inject
    io.wem.common.directory.DirectoryLookup directory;

    @Inject
    Audit audit;

    @Transactional
    public MyWellbeing mine(Caller caller) {
        String agentId = caller.agentId();
        if (agentId == null) {
            throw ProblemException.forbidden("the token carries no agent_id");
        }
        Instant now = Instant.now();
        AgentStateEntity state = AgentStateEntity.findById(agentId);
        String team = state == null ? null : state.teamId;
        GuardrailPolicy policy = policies.policyFor(team);
        IntensityWindow window = new IntensityWindow(intensity.snapshot(agentId, since(now, policy.windowDays()))
                .facts(), policy, now);
        RecoveryState rec = state == null ? RecoveryState.FRESH
                : RecoveryTracker.afterIdle(state.recovery(), now, policy.recovery());
        Load load = new Load(policy.load().windowDays(), 0, 0, 0, null);
        if (team != null) {
            EmotionalLoadAnalyzer.TeamLoad teamLoad = teamLoad(team, policy, now);
            EmotionalLoadAnalyzer.AgentLoad mine = teamLoad.agents().get(agentId);
            boolean withheld = SmallCells.tooSmall(stats.members(team).size());
            if (mine != null) {
                load = new Load(policy.load().windowDays(), mine.interactions(), mine.difficult(),
                        mine.difficultShare(), withheld ? null : teamLoad.teamDifficultShare());
            } else {
                load = new Load(policy.load().windowDays(), 0, 0, 0, withheld ? null : teamLoad.teamDifficultShare());
            }
        }
        audit.read(caller, agentId, "wellbeing-service:my-wellbeing", "agent reads own wellbeing figures");
        return new MyWellbeing(agentId, team, intensity(window, policy),
                new Recovery(rec.due(), rec.dueSince(), rec.debtMinutes(), rec.difficultStreak()), load,
                mix(window, policy));
    }

    @Transactional
    public TeamWellbeing team(String teamId, Caller caller) {
        boolean supervisor = caller.hasRole(Roles.SUPERVISOR) && caller.memberOf(teamId);
        if (!supervisor && !caller.hasAnyRole(Roles.WFM_PLANNER, Roles.PLATFORM_ADMIN)) {
            throw ProblemException.forbidden("not allowed to see wellbeing of team " + teamId);
        }
        io.wem.common.security.AgentScope.requireKnown(teamId, directory);
        Instant now = Instant.now();
        GuardrailPolicy policy = policies.policyFor(teamId);
        List<AgentStateEntity> members = stats.members(teamId);
        Map<String, List<FactCount>> facts = intensity.teamFacts(teamId, since(now, policy.windowDays()));
        EmotionalLoadAnalyzer.TeamLoad load = teamLoad(teamId, policy, now);

        List<AgentRow> rows = new ArrayList<>();
        double indexSum = 0;
        int atCap = 0;
        int watched = 0;
        int pressure = 0;
        int support = 0;
        int pressured = 0;
        int strongOnHard = 0;
        for (AgentStateEntity m : members) {
            IntensityWindow w = new IntensityWindow(facts.getOrDefault(m.agentId, List.of()), policy, now);
            boolean capped = w.index() >= policy.indexCap() || w.counts().entrySet().stream()
                    .anyMatch(e -> policy.cap(e.getKey()) != null && e.getValue() >= policy.cap(e.getKey()));
            CoachingMix mix = mix(w, policy);
            EmotionalLoadAnalyzer.AgentLoad l = load.agents().get(m.agentId);
            indexSum += w.index();
            atCap += capped ? 1 : 0;
            for (Map.Entry<MonitoringKind, Integer> e : w.counts().entrySet()) {
                if (policy.weight(e.getKey()) > 0) {
                    watched += e.getValue();
                }
            }
            pressure += mix.pressureSessions();
            support += mix.supportSessions();
            pressured += mix.pressurePattern() ? 1 : 0;
            strongOnHard += l != null && l.flagged() ? 1 : 0;
            rows.add(new AgentRow(m.agentId, w.index(), capped, m.recoveryDue, m.debtMinutes,
                    l == null ? 0 : l.difficultShare(), l == null ? 0 : l.hardQueueShare(),
                    l != null && l.strongPerformer(), l != null && l.flagged(), mix.pressureShare(),
                    mix.pressurePattern()));
        }
        rows.sort(Comparator.comparing(AgentRow::agentId));
        boolean withheld = SmallCells.tooSmall(members.size());
        TeamAggregates aggregates = null;
        if (!withheld) {
            CoachingBalance teamMix = CoachingBalance.of(pressure, support, policy.balance());
            aggregates = new TeamAggregates(members.size(), policy.windowDays(),
                    round(indexSum / members.size()), SmallCells.count(atCap), watched, support,
                    support == 0 ? null : round((double) watched / support), load.teamDifficultShare(),
                    new TreeSet<>(load.hardQueues()), SmallCells.count(strongOnHard),
                    new CoachingMix(pressure, support, teamMix.pressureShare(), teamMix.pressurePattern()),
                    SmallCells.count(pressured),
                    stats.alertCounts(teamId, now.minus(Duration.ofDays(policy.windowDays()))));
        }
        if (supervisor) {
            rows.forEach(r -> audit.read(caller, r.agentId(), "wellbeing-service:team-wellbeing",
                    "supervisor reads team wellbeing of " + teamId));
        } else {
            audit.read(caller, null, "wellbeing-service:team-wellbeing", "team aggregates of " + teamId);
        }
        return new TeamWellbeing(teamId, withheld, withheld ? SmallCells.reason("agents") : null, aggregates,
                supervisor ? rows : null);
    }

    EmotionalLoadAnalyzer.TeamLoad teamLoad(String teamId, GuardrailPolicy policy, Instant now) {
        Instant from = now.minus(Duration.ofDays(policy.load().windowDays()));
        return EmotionalLoadAnalyzer.analyze(stats.queueTallies(teamId, from), stats.averageScores(teamId, from),
                policy.load());
    }

    static Intensity intensity(IntensityWindow w, GuardrailPolicy policy) {
        Map<MonitoringKind, Integer> counts = w.counts();
        List<KindIntensity> kinds = new ArrayList<>();
        for (MonitoringKind k : MonitoringKind.values()) {
            if (policy.weight(k) > 0 || policy.cap(k) != null) {
                kinds.add(new KindIntensity(k.name(), counts.getOrDefault(k, 0), policy.cap(k), policy.weight(k)));
            }
        }
        return new Intensity(policy.windowDays(), w.index(), policy.indexCap(), kinds);
    }

    static CoachingMix mix(IntensityWindow w, GuardrailPolicy policy) {
        CoachingBalance b = CoachingBalance.of(w.pressureSessions(), w.supportSessions(), policy.balance());
        return new CoachingMix(b.pressureSessions(), b.supportSessions(), b.pressureShare(), b.pressurePattern());
    }

    static Instant since(Instant now, int days) {
        return now.minus(Duration.ofDays(days)).minus(FactCount.BUCKET);
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
