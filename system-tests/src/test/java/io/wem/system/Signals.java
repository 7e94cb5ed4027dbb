package io.wem.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds signals in signal-service's public JSON shape ({@code POST /api/v1/signals}, one {@code kind} per shape)
 * and posts them with the integration client's token, like a contact-center platform does.
 */
public final class Signals {

    private Signals() {
    }

    public static Map<String, Object> interaction(String interactionId, String agentId, String teamId, Instant at,
                                                  int talkSeconds, int holdSeconds, int acwSeconds, int transfers,
                                                  String contactReason) {
        Map<String, Object> s = base("interaction", at);
        s.put("interactionId", interactionId);
        s.put("agentId", agentId);
        s.put("teamId", teamId);
        s.put("channel", "voice");
        s.put("queue", "general");
        s.put("contactReason", contactReason);
        s.put("startedAt", at.minusSeconds(talkSeconds + holdSeconds + acwSeconds).toString());
        s.put("talkSeconds", talkSeconds);
        s.put("holdSeconds", holdSeconds);
        s.put("holdCount", holdSeconds > 0 ? 1 : 0);
        s.put("acwSeconds", acwSeconds);
        s.put("transfers", transfers);
        s.put("disposition", "resolved");
        s.put("repeatContact", false);
        s.put("escalated", false);
        s.put("abusiveCustomer", false);
        return s;
    }

    public static Map<String, Object> survey(String interactionId, Instant at, int csat) {
        Map<String, Object> s = base("survey", at);
        s.put("interactionId", interactionId);
        s.put("csat", csat);
        s.put("nps", csat >= 4 ? 9 : 5);
        return s;
    }

    public static Map<String, Object> transcript(String interactionId, String agentId, String teamId, Instant at,
                                                 String text) {
        Map<String, Object> s = base("transcript", at);
        s.put("interactionId", interactionId);
        s.put("agentId", agentId);
        s.put("teamId", teamId);
        s.put("text", text);
        return s;
    }

    public static Map<String, Object> qaEvaluation(String interactionId, String agentId, String teamId, Instant at,
                                                   String evaluator, double empathy) {
        Map<String, Object> s = base("qa-evaluation", at);
        s.put("evaluationId", RunIds.next("qa"));
        s.put("interactionId", interactionId);
        s.put("agentId", agentId);
        s.put("teamId", teamId);
        s.put("evaluator", evaluator);
        s.put("automated", false);
        s.put("criteria", List.of(Map.of("criterion", "empathy", "score", empathy)));
        s.put("checklist", List.of(Map.of("item", "confirmation-statement", "passed", true)));
        s.put("totalScore", empathy);
        return s;
    }

    /**
     * Makes a realm agent (e.g. agent1 = {@code agent-north-01}) known to signal-service with one ordinary interaction
     * an hour ago: its per-agent endpoints answer 404 for agents never seen, and a fresh stack has seen none.
     */
    public static void ensureKnown(String agentId, String teamId) {
        postAll(List.of(interaction(RunIds.next("int"), agentId, teamId, Instant.now().minus(Duration.ofHours(1)),
                240, 0, 60, 0, "billing-question")));
    }

    /** A signal as a message on the Kafka ingest topic wem.signal.signals.v1, the way an integrator sends it. */
    public static String ingestEnvelope(Map<String, Object> signal) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", java.util.UUID.randomUUID().toString());
        envelope.put("source", "contact-center-platform");
        envelope.put("type", "io.wem.signal.SignalReceived.v1");
        envelope.put("subject", signal.get("agentId"));
        envelope.put("time", Instant.now().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", signal);
        return JsonTree.write(envelope);
    }

    private static Map<String, Object> base(String kind, Instant at) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("eventId", RunIds.next("evt"));
        s.put("kind", kind);
        s.put("occurredAt", at.toString());
        return s;
    }

    /** One POST; the caller checks the status (202, or 503 when governance cannot redact). */
    public static Response post(List<Map<String, Object>> signals) {
        return WemService.SIGNAL.as(Tokens.client("wem-integration"))
                .contentType(ContentType.JSON)
                .body(Map.of("signals", signals))
                .post("/api/v1/signals");
    }

    /**
     * Posts in batches of at most 500 and insists on 202 for each: a 503 (governance briefly unable to redact) is
     * re-sent after Retry-After, as the API asks, for up to a minute.
     */
    public static void postAll(List<Map<String, Object>> signals) {
        for (int from = 0; from < signals.size(); from += 500) {
            List<Map<String, Object>> batch = new ArrayList<>(signals.subList(from, Math.min(signals.size(), from + 500)));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (true) {
                Response r = post(batch);
                if (r.statusCode() == 202) {
                    break;
                }
                if (r.statusCode() != 503 || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("POST /api/v1/signals answered " + r.statusCode() + ": " + r.asString());
                }
                sleep(Duration.ofSeconds(Math.max(1, Math.min(5, retryAfter(r)))));
            }
        }
    }

    private static long retryAfter(Response r) {
        try {
            return Long.parseLong(r.header("Retry-After"));
        } catch (RuntimeException e) {
            return 2;
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
