package io.wem.signal.domain;

import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.common.contracts.GapType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The seven behaviors shipped with the suite (seeded as version 1 of the catalog; editable like any other). */
public final class BuiltIns {
    private BuiltIns() {
    }

    public static List<Behavior> all() {
        return List.of(
                new Behavior(BuiltInBehaviors.ACW_HABITS, 1, "After-call work habits",
                        "Long wrap-up after interactions while customer satisfaction is fine: a habit or a "
                                + "documentation workflow, not a quality trade-off.", "acw_seconds", Map.of(),
                        Behavior.Comparison.TEAM_MEDIAN, null, null, Behavior.Direction.HIGHER_IS_WORSE,
                        Duration.ofDays(14), 20, 0.8, List.of(GapType.SKILL, GapType.PROCESS), 0.3, true, true),
                new Behavior(BuiltInBehaviors.COMPLAINT_EMPATHY, 1, "Empathy on complaints",
                        "QA criterion 'empathy' on interactions whose contact reason is complaint.", "empathy_score",
                        Map.of("contactReason", "complaint"), Behavior.Comparison.TEAM_MEDIAN, null, null,
                        Behavior.Direction.LOWER_IS_WORSE, Duration.ofDays(30), 8, 0.8, List.of(GapType.SKILL), 0.9,
                        false, true),
                new Behavior(BuiltInBehaviors.BILLING_CONFIRMATION, 1, "Confirmation before closing billing disputes",
                        "Checklist item 'confirmation-statement' on billing disputes; the standard is 95%.",
                        "confirmation_rate", Map.of("contactReason", "billing-dispute"), Behavior.Comparison.ABSOLUTE,
                        null, 0.95, Behavior.Direction.LOWER_IS_WORSE, Duration.ofDays(30), 10, 0.3,
                        List.of(GapType.SKILL, GapType.PROCESS), 0.8, false, true),
                new Behavior(BuiltInBehaviors.REPEAT_CONTACTS, 1, "Repeat contacts (knowledge gaps)",
                        "Share of the agent's interactions followed by a repeat contact; the gap names the contact "
                                + "reason where the repeats concentrate.", "repeat_rate", Map.of("contactReason", Behavior.EACH),
                        Behavior.Comparison.TEAM_MEDIAN, null, null, Behavior.Direction.HIGHER_IS_WORSE,
                        Duration.ofDays(30), 30, 0.4, List.of(GapType.SKILL, GapType.PROCESS), 0.8, false, true),
                new Behavior(BuiltInBehaviors.HOLD_USAGE, 1, "Long or frequent holds",
                        "Hold time per interaction: usually system navigation or knowledge retrieval.", "hold_seconds",
                        Map.of(), Behavior.Comparison.TEAM_MEDIAN, null, null, Behavior.Direction.HIGHER_IS_WORSE,
                        Duration.ofDays(14), 20, 0.8, List.of(GapType.SKILL, GapType.PROCESS), 0.6, false, true),
                new Behavior(BuiltInBehaviors.TRANSFERS, 1, "Transfers",
                        "Share of interactions transferred at least once.", "transfer_rate", Map.of(),
                        Behavior.Comparison.TEAM_MEDIAN, null, null, Behavior.Direction.HIGHER_IS_WORSE,
                        Duration.ofDays(14), 30, 0.4, List.of(GapType.SKILL, GapType.PROCESS), 0.7, false, true),
                new Behavior(BuiltInBehaviors.SCHEDULE_ADHERENCE, 1, "Schedule adherence",
                        "Adherence per scheduled interval; the standard is 90%.", "adherence_pct", Map.of(),
                        Behavior.Comparison.ABSOLUTE, null, 90.0, Behavior.Direction.LOWER_IS_WORSE,
                        Duration.ofDays(14), 10, 0.8, List.of(GapType.SKILL, GapType.MOTIVATION, GapType.CAPACITY),
                        0.4, false, true));
    }
}
