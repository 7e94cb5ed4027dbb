package io.wem.wellbeing.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read models of the wellbeing views. */
public final class WellbeingViews {
    private WellbeingViews() {
    }

    @Schema(name = "KindIntensity", description = "Facts of one monitoring kind within the window, against its cap.")
    public record KindIntensity(@Schema(example = "QA_EVALUATION") String kind, int count,
                                @Schema(description = "null when the kind has no cap") Integer cap, double weight) {
    }

    @Schema(name = "Intensity")
    public record Intensity(int windowDays, double index, double indexCap, List<KindIntensity> kinds) {
    }

    @Schema(name = "Recovery")
    public record Recovery(boolean breakDue, Instant dueSince, int recoveryDebtMinutes, int difficultStreak) {
    }

    @Schema(name = "Load", description = "Share of difficult interactions over the load window.")
    public record Load(int windowDays, int interactions, int difficult, double difficultShare,
                       @Schema(description = "the team's share; null when withheld (fewer than 5 agents)")
                       Double teamDifficultShare) {
    }

    @Schema(name = "CoachingMix", description = "Corrective (handle time, compliance) versus supportive coaching.")
    public record CoachingMix(int pressureSessions, int supportSessions, Double pressureShare,
                              boolean pressurePattern) {
    }

    @Schema(name = "MyWellbeing", description = "The calling agent's own figures.")
    public record MyWellbeing(String agentId, String teamId, Intensity intensity, Recovery recovery, Load load,
                              CoachingMix coaching) {
    }

    @Schema(name = "AgentWellbeingRow", description = "One agent of the team (supervisors of the team only).")
    public record AgentRow(String agentId, double intensityIndex, boolean atCap, boolean recoveryDue,
                           int recoveryDebtMinutes, double difficultShare, double hardQueueShare,
                           boolean strongPerformer, boolean emotionalLoadFlag, Double coachingPressureShare,
                           boolean coachingPressurePattern) {
    }

    @Schema(name = "TeamAggregates")
    public record TeamAggregates(
            int agentCount,
            int windowDays,
            double averageIntensityIndex,
            @Schema(description = "agents at a cap; null when 1-4 (small-cell suppression: it would single someone out)")
            Integer agentsAtCap,
            @Schema(description = "monitoring facts (kinds with weight > 0) in the window") int watchedEvents,
            @Schema(description = "development coaching and recognition in the window") int supportedEvents,
            @Schema(description = "watchedEvents / supportedEvents; null when nothing supported the team")
            Double watchedToSupportedRatio,
            double difficultShare,
            Set<String> hardQueues,
            @Schema(description = "null when 1-4 (small-cell suppression)") Integer strongPerformersOnHardQueues,
            CoachingMix coaching,
            @Schema(description = "null when 1-4 (small-cell suppression)") Integer agentsWithCoachingPressure,
            Map<String, Long> alertsByKind) {
    }

    @Schema(name = "TeamWellbeing", description = "Team figures. Aggregates are withheld below 5 agents "
            + "(k-anonymity); per-agent rows go to supervisors of the team only.")
    public record TeamWellbeing(
            String teamId,
            @Schema(example = "false") boolean withheld,
            @Schema(description = "why aggregates are withheld", example = "fewer than 5 agents") String reason,
            TeamAggregates aggregates,
            @Schema(description = "null unless the caller supervises the team") List<AgentRow> agents) {
    }
}
