package io.wem.coaching.domain;

import io.wem.common.contracts.GapType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a playbook usable: the kind fits the gap type (agents are not coached for a broken process),
 * the owner can do that kind of work, and the success criterion is measurable.
 */
public final class PlaybookRules {

    public static final Duration MAX_DEADLINE = Duration.ofDays(30);
    public static final Duration MIN_WINDOW = Duration.ofDays(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(90);

    private PlaybookRules() {
    }

    public record Violation(String field, String message) {
    }

    public static List<Violation> validate(PlaybookDefinition p) {
        List<Violation> v = new ArrayList<>();
        if (p.gapType() == GapType.PROCESS || p.gapType() == GapType.CAPACITY) {
            if (p.kind() != null && p.kind().agentLevel()) {
                v.add(new Violation("kind", p.gapType() + " gaps are fixed at team level, not with one agent: use "
                        + "PROCESS_FIX, KNOWLEDGE_ARTICLE_UPDATE or SCHEDULE_ADJUSTMENT"));
            }
            if (p.ownerRole() != null && p.ownerRole().teamScoped()) {
                v.add(new Violation("ownerRole", p.gapType() + " gaps are owned by process-owner or wfm-planner"));
            }
        } else if (p.gapType() != null) {
            if (p.kind() != null && !p.kind().agentLevel()) {
                v.add(new Violation("kind", p.gapType() + " gaps are worked with the agent: use COACHING_SESSION, "
                        + "MICRO_LEARNING, SIDE_BY_SIDE or RECOGNITION"));
            }
            if (p.ownerRole() != null && !p.ownerRole().teamScoped()) {
                v.add(new Violation("ownerRole", p.gapType() + " gaps are owned by supervisor, coach or trainer"));
            }
        }
        if (p.deadline() != null && (p.deadline().isNegative() || p.deadline().isZero()
                || p.deadline().compareTo(MAX_DEADLINE) > 0)) {
            v.add(new Violation("deadline", "must be positive and at most P30D"));
        }
        if (p.learningItems() == null || p.learningItems().isEmpty()) {
            if (p.kind() != null && p.kind().agentLevel() && p.kind() != InterventionKind.RECOGNITION) {
                v.add(new Violation("learningItems", "an agent-level intervention needs at least one learning item"));
            }
        }
        SuccessCriterion c = p.successCriterion();
        if (c != null) {
            if ((c.relativeImprovement() == null) == (c.absoluteTarget() == null)) {
                v.add(new Violation("successCriterion", "set exactly one of relativeImprovement and absoluteTarget"));
            }
            if (c.relativeImprovement() != null && (c.relativeImprovement() <= 0 || c.relativeImprovement() > 1)) {
                v.add(new Violation("successCriterion.relativeImprovement", "must be within (0, 1]"));
            }
            if (c.followUpWindow() == null || c.followUpWindow().compareTo(MIN_WINDOW) < 0
                    || c.followUpWindow().compareTo(MAX_WINDOW) > 0) {
                v.add(new Violation("successCriterion.followUpWindow", "must be between P1D and P90D"));
            }
        }
        return v;
    }
}
