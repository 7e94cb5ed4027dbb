package io.wem.demo.driver;

import java.util.List;

/** What the suite reported, as read from its APIs (plain records so the judging is testable without a suite). */
public final class Findings {

    private Findings() {
    }

    /** A behavior gap; {@code source} says which API it was read from. */
    public record Gap(String gapId, String agentId, String teamId, String behaviorId, String gapType,
                      List<String> affectedAgentIds, String source) {
        public Gap {
            affectedAgentIds = affectedAgentIds == null ? List.of() : List.copyOf(affectedAgentIds);
        }
    }

    public record Intervention(String id, String gapId, String agentId, String teamId, String behaviorId,
                               String gapType, String kind, String ownerRole, String state, String playbookId,
                               String guardrailReason, List<String> affectedAgentIds, Double netImprovement,
                               String evaluationExplanation) {
        public Intervention {
            affectedAgentIds = affectedAgentIds == null ? List.of() : List.copyOf(affectedAgentIds);
        }
    }

    public record Alert(String agentId, String teamId, String kind, String severity) {
    }
}
