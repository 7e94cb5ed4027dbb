package io.wem.signal.domain;

import io.wem.common.contracts.GapType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What makes a behavior definition usable by the detector. */
public final class BehaviorRules {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private BehaviorRules() {
    }

    public static List<SignalRules.FieldError> validate(Behavior b) {
        List<SignalRules.FieldError> e = new ArrayList<>();
        if (b.id() == null || !ID.matcher(b.id()).matches()) {
            e.add(new SignalRules.FieldError("id", "must be 2-63 lowercase letters, digits or dashes"));
        }
        if (b.name() == null || b.name().isBlank() || b.name().length() > 200) {
            e.add(new SignalRules.FieldError("name", "must be 1-200 characters"));
        }
        Metrics.Metric m = Metrics.get(b.metric());
        if (m == null) {
            e.add(new SignalRules.FieldError("metric", "must be one of " + Metrics.all().keySet()));
        }
        if (b.filters() != null) {
            for (String k : b.filters().keySet()) {
                if (!Metrics.FILTER_KEYS.contains(k)) {
                    e.add(new SignalRules.FieldError("filters." + k, "unknown filter; use " + Metrics.FILTER_KEYS));
                }
            }
        }
        if (m != null && m.name().equals("qa_criterion_score") && b.filter("criterion") == null) {
            e.add(new SignalRules.FieldError("filters.criterion", "required for metric qa_criterion_score"));
        }
        if (m != null && m.name().equals("qa_checklist_rate") && b.filter("checklistItem") == null) {
            e.add(new SignalRules.FieldError("filters.checklistItem", "required for metric qa_checklist_rate"));
        }
        if (m != null && m.name().equals("adherence_pct") && b.filters() != null && !b.filters().isEmpty()) {
            e.add(new SignalRules.FieldError("filters", "adherence has no contact reason, queue or channel"));
        }
        if (b.comparison() == null) {
            e.add(new SignalRules.FieldError("comparison", "must not be null"));
        } else if (b.comparison() == Behavior.Comparison.ABSOLUTE && b.target() == null) {
            e.add(new SignalRules.FieldError("target", "required for ABSOLUTE comparison"));
        } else if (b.comparison() == Behavior.Comparison.TEAM_PERCENTILE
                && (b.percentile() == null || b.percentile() <= 0 || b.percentile() >= 100)) {
            e.add(new SignalRules.FieldError("percentile", "must be between 0 and 100 for TEAM_PERCENTILE"));
        }
        if (m != null && m.type() == Metrics.Type.RATE && b.target() != null && (b.target() < 0 || b.target() > 1)) {
            e.add(new SignalRules.FieldError("target", "a rate target must be between 0 and 1"));
        }
        if (b.direction() == null) {
            e.add(new SignalRules.FieldError("direction", "must not be null"));
        }
        if (b.window() == null || b.window().compareTo(Duration.ofDays(1)) < 0
                || b.window().compareTo(Duration.ofDays(365)) > 0) {
            e.add(new SignalRules.FieldError("window", "must be an ISO duration between P1D and P365D"));
        }
        if (b.minSample() < 3 || b.minSample() > 10_000) {
            e.add(new SignalRules.FieldError("minSample", "must be between 3 and 10000"));
        }
        if (!(b.minEffectSize() > 0) || b.minEffectSize() > 5) {
            e.add(new SignalRules.FieldError("minEffectSize", "must be > 0 and <= 5"));
        }
        if (b.customerImpact() < 0 || b.customerImpact() > 1) {
            e.add(new SignalRules.FieldError("customerImpact", "must be between 0 and 1"));
        }
        if (b.gapTypeHints() != null && b.gapTypeHints().stream().anyMatch(java.util.Objects::isNull)) {
            e.add(new SignalRules.FieldError("gapTypeHints", "must be one of " + List.of(GapType.values())));
        }
        return e;
    }
}
