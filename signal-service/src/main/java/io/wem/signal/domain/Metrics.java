package io.wem.signal.domain;

import io.wem.signal.api.Signal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The metrics behaviors can read. A MEAN metric is averaged per agent; a RATE metric is a 0/1 outcome per
 * interaction (or checklist item) and is treated as a proportion (Wilson intervals, Cohen's h).
 */
public final class Metrics {

    public enum Type { MEAN, RATE }

    /** @param criterion/checklistItem fixed QA parameter for the named QA metrics, null otherwise */
    public record Metric(String name, String signalKind, Type type, String unit, String criterion, String checklistItem,
                         String description) {
    }

    private static final Map<String, Metric> ALL = new LinkedHashMap<>();

    static {
        add(new Metric("acw_seconds", Signal.INTERACTION, Type.MEAN, "s", null, null, "after-call work per interaction"));
        add(new Metric("hold_seconds", Signal.INTERACTION, Type.MEAN, "s", null, null, "hold time per interaction"));
        add(new Metric("hold_count", Signal.INTERACTION, Type.MEAN, "holds", null, null, "holds per interaction"));
        add(new Metric("talk_seconds", Signal.INTERACTION, Type.MEAN, "s", null, null, "talk time per interaction"));
        add(new Metric("transfer_rate", Signal.INTERACTION, Type.RATE, "share", null, null,
                "share of interactions transferred at least once"));
        add(new Metric("repeat_rate", Signal.INTERACTION, Type.RATE, "share", null, null,
                "share of interactions that were repeat contacts"));
        add(new Metric("escalation_rate", Signal.INTERACTION, Type.RATE, "share", null, null,
                "share of interactions escalated"));
        add(new Metric("empathy_score", Signal.QA_EVALUATION, Type.MEAN, "points", "empathy", null,
                "QA criterion 'empathy' (0..100)"));
        add(new Metric("confirmation_rate", Signal.QA_EVALUATION, Type.RATE, "share", null, "confirmation-statement",
                "share of evaluations passing checklist item 'confirmation-statement'"));
        add(new Metric("qa_criterion_score", Signal.QA_EVALUATION, Type.MEAN, "points", null, null,
                "a QA criterion named by filter 'criterion' (0..100)"));
        add(new Metric("qa_checklist_rate", Signal.QA_EVALUATION, Type.RATE, "share", null, null,
                "share passing the checklist item named by filter 'checklistItem'"));
        add(new Metric("qa_total_score", Signal.QA_EVALUATION, Type.MEAN, "points", null, null, "QA total score"));
        add(new Metric("adherence_pct", Signal.ADHERENCE, Type.MEAN, "%", null, null, "schedule adherence per interval"));
        add(new Metric("csat", Signal.SURVEY, Type.MEAN, "1..5", null, null, "customer satisfaction per survey"));
        add(new Metric("sentiment", Signal.SENTIMENT, Type.MEAN, "-1..1", null, null, "customer sentiment"));
    }

    public static final Set<String> FILTER_KEYS = Set.of("contactReason", "queue", "channel", "criterion",
            "checklistItem");

    private Metrics() {
    }

    private static void add(Metric m) {
        ALL.put(m.name(), m);
    }

    public static Metric get(String name) {
        return name == null ? null : ALL.get(name);
    }

    public static Map<String, Metric> all() {
        return ALL;
    }
}
