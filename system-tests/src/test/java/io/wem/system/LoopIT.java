package io.wem.system;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Difficult contacts reach wellbeing (issue #16, class 4): a run of calls whose customers were very negative — told
 * only by sentiment signals, no complaint reason, no escalation, no abuse, short calls — with no break in between
 * must raise a recovery alert for the agent. Before the fix signal-service forwarded every interaction with sentiment
 * null, so the same run raised nothing. A control agent with the same calls and neutral sentiment gets no alert.
 */
class LoopIT {
    private static final String TEAM = "team-east";

    @Test
    @DisplayName("negative-sentiment run without a break → RECOVERY_DUE in wellbeing")
    void negativeSentimentRunRaisesARecoveryAlert() {
        String hard = RunIds.agent(TEAM, "loop-neg");
        String calm = RunIds.agent(TEAM, "loop-calm");
        Instant start = Instant.now().minus(Duration.ofMinutes(90));
        List<Map<String, Object>> signals = new ArrayList<>();
        for (String agent : List.of(hard, calm)) {
            for (int i = 0; i < 8; i++) {
                String interactionId = RunIds.next("int");
                // back to back, four minutes each (talk 180 s, acw 60 s): no gap long enough to count as a break
                Instant end = start.plusSeconds(240L * (i + 1));
                signals.add(Signals.interaction(interactionId, agent, TEAM, end, 180, 0, 60, 0, "billing-question"));
                signals.add(sentiment(interactionId, end.plusSeconds(5), agent.equals(hard) ? -0.8 : 0.3));
            }
        }
        Signals.postAll(signals);

        await("a recovery alert for the agent with the negative run").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> alerts(hard), n -> n > 0);
        assertEquals(0, alerts(calm), "neutral customers made a recovery alert");
    }

    private static long alerts(String agent) {
        return Db.count("wem_wellbeing", "select count(*) from wellbeing_alert where agent_id = ? and kind in "
                + "('RECOVERY_DUE', 'RECOVERY_VIOLATION')", agent);
    }

    private static Map<String, Object> sentiment(String interactionId, Instant at, double score) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("eventId", RunIds.next("evt"));
        s.put("kind", "sentiment");
        s.put("occurredAt", at.toString());
        s.put("interactionId", interactionId);
        s.put("score", score);
        return s;
    }
}
