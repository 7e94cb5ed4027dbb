package io.wem.signal.rest;

import io.wem.common.contracts.BehaviorMeasurement;
import io.wem.common.contracts.GapType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One behavior for one agent, fitness-tracker style: where they are, where the team is, and the last days. */
@Schema(name = "BehaviorTrend")
public record BehaviorTrend(
        @Schema(example = "acw-habits") String behaviorId,
        @Schema(example = "After-call work habits") String name,
        @Schema(example = "acw_seconds") String metric,
        @Schema(example = "HIGHER_IS_WORSE") String direction,
        Instant windowStart,
        Instant windowEnd,
        @Schema(example = "128.4", description = "The agent's value over the window, null without data") Double value,
        @Schema(example = "41") int sampleSize,
        @Schema(example = "61.0", description = "Median of the team's agents over the window") Double teamMedian,
        @Schema(example = "ON_TRACK", enumeration = {"ON_TRACK", "GAP", "INSUFFICIENT_DATA"}) String status,
        @Schema(description = "The open gap, when there is one") OpenGap openGap,
        @Schema(description = "The last 7 days with data, each beside the team") List<BehaviorMeasurement> daily) {

    @Schema(name = "OpenGap")
    public record OpenGap(String gapId, GapType gapType, String causeExplanation, Instant detectedAt) {
    }
}
