package io.wem.signal.domain;

import java.time.Instant;

/** One value of a behavior's metric for one agent (an interaction's ACW, an evaluation's empathy score, 0/1 ...). */
public record Observation(String agentId, String interactionId, Instant at, double value, String queue,
                          String contactReason) {
}
