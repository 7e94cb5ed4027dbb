package io.wem.signal.domain;

import io.wem.common.contracts.BehaviorGapDetected;
import io.wem.common.security.AgentScope;
import io.wem.common.security.Caller;
import io.wem.common.security.Roles;

import java.util.List;
import java.util.Set;

/**
 * What of a team-wide gap a caller may see: the ids of the agents who share it only where the caller may see those
 * agents' data (the suite's one scope rule), so an agent sees that a gap is shared and by how many, never by whom.
 */
public final class GapDisclosure {

    /** Roles that read any agent's gaps (GET /gaps): they see every affected agent. */
    static final Set<String> BROAD = Set.of(Roles.QA_ANALYST, Roles.SERVICE);

    private GapDisclosure() {
    }

    /** The gap as {@code viewer} may see it: {@code affectedAgentIds} reduced to the agents in the viewer's scope. */
    public static BehaviorGapDetected forViewer(BehaviorGapDetected g, Caller viewer) {
        List<String> affected = g.affectedAgentIds();
        if (affected == null || affected.isEmpty()) {
            return g;
        }
        List<String> visible = affected.stream()
                .filter(a -> AgentScope.canRead(viewer, a, g.teamId(), BROAD)).toList();
        if (visible.size() == affected.size()) {
            return g;
        }
        return new BehaviorGapDetected(g.gapId(), g.agentId(), g.teamId(), g.behaviorId(), g.behaviorVersion(),
                g.metric(), g.observed(), g.baseline(), g.baselineKind(), g.effectSize(), g.sampleSize(),
                g.confidenceLow(), g.confidenceHigh(), g.evidenceInteractionIds(), g.gapType(), g.causeExplanation(),
                visible, g.queue(), g.contactReason(), g.customerImpact(), g.windowStart(), g.windowEnd(),
                g.detectedAt());
    }

    /** How many agents share the gap, whoever the viewer is (0 for an agent-level gap). */
    public static int affectedCount(BehaviorGapDetected g) {
        return g.affectedAgentIds() == null ? 0 : g.affectedAgentIds().size();
    }
}
