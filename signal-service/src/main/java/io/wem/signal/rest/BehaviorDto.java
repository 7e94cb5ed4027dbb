package io.wem.signal.rest;

import io.wem.common.openapi.Ids;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.wem.common.contracts.GapType;
import io.wem.signal.domain.Behavior;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A behavior definition as the API shows and accepts it. {@code version}, {@code changedBy/At} are read-only. */
@Schema(name = "Behavior", description = "A behavior of the catalog: the metric it reads, filters, comparison, "
        + "direction, window, evidence needed and gap-type hints. Every change creates a new version.")
public record BehaviorDto(
        @Schema(example = "acw-habits", description = "Required on POST; taken from the path on PUT")
        @Size(max = Ids.MAX) @Pattern(regexp = Ids.PATTERN) String id,
        @Schema(readOnly = true, example = "2") Integer version,
        @Schema(required = true, example = "After-call work habits") @Size(max = 200) String name,
        @Schema(example = "Long wrap-up while satisfaction is fine", nullable = true) @Size(max = 2000) String description,
        @Schema(required = true, example = "acw_seconds", enumeration = {"acw_seconds", "hold_seconds", "hold_count",
                "talk_seconds", "transfer_rate", "repeat_rate", "escalation_rate", "empathy_score", "confirmation_rate",
                "qa_criterion_score", "qa_checklist_rate", "qa_total_score", "adherence_pct", "csat", "sentiment"})
        String metric,
        @Schema(description = "contactReason, queue, channel; criterion / checklistItem for the generic QA metrics",
                example = "{\"contactReason\":\"complaint\"}", maxProperties = 10)
        @Size(max = 10) Map<@Size(max = 64) String, @Size(max = 200) String> filters,
        @Schema(required = true, example = "TEAM_MEDIAN") Behavior.Comparison comparison,
        @Schema(description = "For TEAM_PERCENTILE: the peers' percentile (1..99)", example = "75", nullable = true)
        Double percentile,
        @Schema(description = "For ABSOLUTE the standard; otherwise an optional organisation standard for team-wide "
                + "gaps (rates 0..1)", example = "0.95", nullable = true) Double target,
        @Schema(required = true, example = "HIGHER_IS_WORSE") Behavior.Direction direction,
        @Schema(required = true, example = "P14D", description = "ISO-8601 duration, P1D..P365D") @Size(max = 40) String window,
        @Schema(required = true, example = "20", description = "Observations an agent needs before being assessed")
        Integer minSample,
        @Schema(required = true, example = "0.8", description = "Cohen's d (means) or h (rates)") Double minEffectSize,
        @Schema(example = "[\"SKILL\",\"PROCESS\"]") @Size(max = 8) List<GapType> gapTypeHints,
        @Schema(example = "0.3", description = "0..1, how much the behavior touches customers") Double customerImpact,
        @Schema(example = "true", description = "Only a gap while the agent's CSAT is at least the team median")
        Boolean satisfactionGuard,
        @Schema(example = "true") Boolean enabled,
        @Schema(readOnly = true, example = "qa-lead") String changedBy,
        @Schema(readOnly = true) Instant changedAt) {

    public static BehaviorDto of(Behavior b, String changedBy, Instant changedAt) {
        return new BehaviorDto(b.id(), b.version(), b.name(), b.description(), b.metric(), b.filters(), b.comparison(),
                b.percentile(), b.target(), b.direction(), b.window().toString(), b.minSample(), b.minEffectSize(),
                b.gapTypeHints(), b.customerImpact(), b.satisfactionGuard(), b.enabled(), changedBy, changedAt);
    }

    /** The domain behavior, with the given id and version; a malformed window becomes a field error. */
    public Behavior toBehavior(String id, int version) {
        Duration w;
        try {
            w = window == null ? null : Duration.parse(window);
        } catch (RuntimeException e) {
            throw io.wem.common.problem.ProblemException.badRequest("window", "must be an ISO-8601 duration like P14D");
        }
        return new Behavior(id, version, name, description, metric, filters == null ? Map.of() : Map.copyOf(filters),
                comparison, percentile, target, direction, w, minSample == null ? 0 : minSample,
                minEffectSize == null ? 0 : minEffectSize, gapTypeHints == null ? List.of() : gapTypeHints,
                customerImpact == null ? 0.5 : customerImpact, Boolean.TRUE.equals(satisfactionGuard),
                enabled == null || enabled);
    }
}
