package io.wem.wellbeing.service;

import io.wem.wellbeing.domain.FactCount;
import io.wem.wellbeing.domain.GuardrailPolicy;
import io.wem.wellbeing.domain.IntensityWindow;
import io.wem.wellbeing.domain.MonitoringKind;
import io.wem.wellbeing.domain.TeamProgramme;
import io.wem.wellbeing.persistence.IntensityRepository;
import io.wem.wellbeing.persistence.TeamStatsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a cap breach is about one agent (MONITORING_CAP) or about the team's monitoring programme
 * (MONITORING_PROGRAMME, once per team and cap per window): reads the team's windows and raises the right alert.
 */
@ApplicationScoped
public class TeamProgrammes {

    /** The subject of a programme alert about the index. */
    static final String INDEX = "INDEX";

    @Inject
    IntensityRepository intensity;

    @Inject
    TeamStatsRepository stats;

    @Inject
    AlertService alerts;

    /** Every member's facts since a time, by agent id (members without facts absent). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, List<FactCount>> facts(String teamId, Instant since) {
        return intensity.teamFacts(teamId, since);
    }

    /** Every member's window at one moment, by agent id. */
    public static Map<String, IntensityWindow> windowsAt(Map<String, List<FactCount>> facts, GuardrailPolicy policy,
                                                         Instant at) {
        Map<String, IntensityWindow> windows = new HashMap<>();
        facts.forEach((agent, f) -> windows.put(agent, new IntensityWindow(f, policy, at)));
        return windows;
    }

    /** A kind's cap crossed by one agent: alerted about the agent, or about the team's programme. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void kindCapCrossed(String agentId, String teamId, MonitoringKind kind, IntensityWindow window,
                               GuardrailPolicy policy, String sourceService, Instant now) {
        Map<String, IntensityWindow> team = teamWindows(teamId, policy, now);
        int members = members(teamId);
        TeamProgramme programme = TeamProgramme.seenBy(agentId, team, members);
        int count = window.count(kind);
        if (programme.kindSingledOut(kind, count)) {
            alerts.raisePattern(agentId, teamId, "MONITORING_CAP", singledOut(kind, count, policy, programme,
                    sourceService), now);
            return;
        }
        long over = team.values().stream().filter(w -> w.count(kind) > policy.cap(kind)).count();
        alerts.raiseProgramme(agentId, teamId, kind.name(), "The team's monitoring programme takes its agents over the "
                + "cap of " + policy.cap(kind) + " " + label(kind) + " facts in " + policy.windowDays() + " days: "
                + over + " of " + Math.max(over, members) + " agents are over it now, in line with what the "
                + "team's agents get (" + round(programme.meanCount(kind)) + " on average; " + agentId + " has "
                + count + "). One alert for the team while this lasts: review the programme or the cap.", now,
                Duration.ofDays(policy.windowDays()));
    }

    /**
     * A further fact of a kind already over its cap: if the agent is now watched more than the team's programme
     * explains, they are alerted personally, once per window (an episode first told as the programme's, or a
     * burst that grows after its crossing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void furtherOverCap(String agentId, String teamId, MonitoringKind kind, IntensityWindow window,
                               GuardrailPolicy policy, String sourceService, Instant now) {
        TeamProgramme programme = TeamProgramme.seenBy(agentId, teamWindows(teamId, policy, now), members(teamId));
        int count = window.count(kind);
        if (programme.kindSingledOut(kind, count)) {
            alerts.raiseForEpisode(agentId, teamId, "MONITORING_CAP", singledOut(kind, count, policy, programme,
                    sourceService), now, now.minus(window.window()));
        }
    }

    private Map<String, IntensityWindow> teamWindows(String teamId, GuardrailPolicy policy, Instant now) {
        return teamId == null ? Map.of() : windowsAt(
                facts(teamId, now.minus(Duration.ofDays(policy.windowDays())).minus(FactCount.BUCKET)), policy, now);
    }

    private static String singledOut(MonitoringKind kind, int count, GuardrailPolicy policy, TeamProgramme programme,
                                     String sourceService) {
        return "The agent was monitored beyond the team's cap: " + count + " " + label(kind) + " facts in the last "
                + policy.windowDays() + " days (cap " + policy.cap(kind) + "), the latest reported by " + sourceService
                + "; the team's other agents had " + round(programme.meanCount(kind)) + " on average.";
    }

    private static String label(MonitoringKind kind) {
        return kind.name().toLowerCase().replace('_', ' ');
    }

    /**
     * Index episodes due for members of one team (PatternCheck): each singled-out agent is alerted once per episode
     * (MONITORING_CAP); those in line with the team's programme make one MONITORING_PROGRAMME alert. An episode is
     * classified as it stood when it became due ({@code since} plus the on-delay), whenever it is checked: one look
     * per episode, so an agent in a long episode is not retried against the team at every check until chance says
     * "singled out". Returns how many alerts were raised.
     *
     * @param facts    the members' facts reaching back {@link IntensityWindow#historyNeeded} before now
     * @param current  the members' windows as of now (PatternCheck has built them already)
     * @param dueSince members whose index episode is due, with the episode's start
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int indexEpisodesDue(String teamId, Map<String, List<FactCount>> facts,
                                Map<String, IntensityWindow> current, Map<String, Instant> dueSince,
                                GuardrailPolicy policy, Duration onDelay, Instant now) {
        int raised = 0;
        int members = members(teamId);
        Map<Instant, Map<String, IntensityWindow>> byMoment = new HashMap<>();
        String inLine = null;
        TeamProgramme inLineProgramme = null;
        for (var due : dueSince.entrySet()) {
            String agent = due.getKey();
            Instant dueAt = due.getValue().plus(onDelay);
            Map<String, IntensityWindow> then = byMoment.computeIfAbsent(dueAt, t -> windowsAt(facts, policy, t));
            TeamProgramme programme = TeamProgramme.seenBy(agent, then, members);
            if (programme.indexSingledOut(then.get(agent).index(), policy)) {
                IntensityWindow w = current.get(agent);
                if (alerts.raiseForEpisode(agent, teamId, "MONITORING_CAP", "The agent's monitoring intensity has been "
                        + "above the team's cap of " + policy.indexCap() + " since " + due.getValue() + " (now "
                        + w.index() + " over the last " + policy.windowDays() + " days; the team's programme gives an "
                        + "agent " + programme.meanIndex(policy) + ").", now, due.getValue().minus(w.window()))) {
                    raised++;
                }
            } else if (inLine == null || agent.compareTo(inLine) < 0) {
                inLine = agent;
                inLineProgramme = programme;
            }
        }
        if (inLine != null) {
            long over = current.values().stream().filter(w -> w.indexOverSince() != null).count();
            if (alerts.raiseProgramme(inLine, teamId, INDEX, "The team's monitoring programme keeps its agents above "
                    + "the intensity cap of " + policy.indexCap() + " over " + policy.windowDays() + " days: " + over
                    + " of " + Math.max(over, members) + " agents are above it now, in line with what the team's "
                    + "agents get (an index of " + inLineProgramme.meanIndex(policy) + " on average). One alert for "
                    + "the team while this lasts: review the programme, the weights or the cap.", now,
                    Duration.ofDays(policy.windowDays()))) {
                raised++;
            }
        }
        return raised;
    }

    private int members(String teamId) {
        return teamId == null ? 0 : (int) stats.memberCount(teamId);
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
