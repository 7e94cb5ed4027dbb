package io.wem.coaching.domain;

import java.time.Duration;

/**
 * The target an intervention is judged by: the metric moves in {@code direction} by at least
 * {@code relativeImprovement} (0.15 = 15 % of the before value, net of the comparison group) or reaches
 * {@code absoluteTarget}, measured over {@code followUpWindow} after the first coaching. Exactly one target is set.
 */
public record SuccessCriterion(String metric, Direction direction, Double relativeImprovement, Double absoluteTarget,
                               Duration followUpWindow) {
}
