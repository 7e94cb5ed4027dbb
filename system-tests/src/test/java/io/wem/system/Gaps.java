package io.wem.system;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * BehaviorGapDetected events exactly as signal-service publishes them on {@code wem.signal.gaps.v1} (CloudEvents
 * envelope, key = agent id; contract {@code io.wem.common.contracts.BehaviorGapDetected}). The fault tests stand in
 * for signal-service here so that the flow of gaps into coaching-service is under the test's control: how many,
 * when, and which ids must come out as interventions.
 */
public final class Gaps {

    public static final String TOPIC = "wem.signal.gaps.v1";
    public static final String TYPE = "io.wem.signal.BehaviorGapDetected.v1";

    private Gaps() {
    }

    /** A SKILL gap on transfers (a built-in behavior with a seeded playbook) for one agent. */
    public static String skillGapEnvelope(String envelopeId, String gapId, String agentId, String teamId) {
        Instant now = Instant.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("gapId", gapId);
        data.put("agentId", agentId);
        data.put("teamId", teamId);
        data.put("behaviorId", "transfers");
        data.put("behaviorVersion", 1);
        data.put("metric", "transfer_rate");
        data.put("observed", 0.24);
        data.put("baseline", 0.06);
        data.put("baselineKind", "TEAM_MEDIAN");
        data.put("effectSize", 0.55);
        data.put("sampleSize", 120);
        data.put("confidenceLow", 0.17);
        data.put("confidenceHigh", 0.31);
        data.put("evidenceInteractionIds", List.of(RunIds.next("int"), RunIds.next("int")));
        data.put("gapType", "SKILL");
        data.put("causeExplanation", "specific to the agent and persistent over the window (system test)");
        data.put("affectedAgentIds", List.of());
        data.put("queue", "general");
        data.put("contactReason", null);
        data.put("customerImpact", 0.7);
        data.put("windowStart", now.minus(Duration.ofDays(14)).toString());
        data.put("windowEnd", now.toString());
        data.put("detectedAt", now.toString());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", envelopeId);
        envelope.put("source", "signal-service");
        envelope.put("type", TYPE);
        envelope.put("subject", agentId);
        envelope.put("time", now.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        return JsonTree.write(envelope);
    }

    public static String newEnvelopeId() {
        return UUID.randomUUID().toString();
    }
}
