package io.wem.signal.support;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** JSON builders for signals in tests, each with its own unique ids. */
public final class Signals {
    private Signals() {
    }

    public static String uid(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String batch(String... signals) {
        return "{\"signals\":[" + String.join(",", signals) + "]}";
    }

    public static String interaction(String eventId, String interactionId, String agent, String team, Instant at,
                                     int acw, int hold, int transfers, boolean repeat, String reason) {
        return String.format(Locale.ROOT, "{\"kind\":\"interaction\",\"eventId\":\"%s\",\"occurredAt\":\"%s\","
                        + "\"interactionId\":\"%s\",\"agentId\":\"%s\",\"teamId\":\"%s\",\"channel\":\"voice\","
                        + "\"queue\":\"billing\",\"contactReason\":\"%s\",\"startedAt\":\"%s\",\"talkSeconds\":300,"
                        + "\"holdSeconds\":%d,\"holdCount\":1,\"acwSeconds\":%d,\"transfers\":%d,"
                        + "\"disposition\":\"resolved\",\"repeatContact\":%s,\"escalated\":false,\"abusiveCustomer\":false}",
                eventId, at, interactionId, agent, team, reason, at.minusSeconds(400), hold, acw, transfers, repeat);
    }

    public static String transcript(String eventId, String interactionId, String agent, String team, String text) {
        return String.format(Locale.ROOT, "{\"kind\":\"transcript\",\"eventId\":\"%s\",\"occurredAt\":\"%s\","
                + "\"interactionId\":\"%s\",\"agentId\":\"%s\",\"teamId\":\"%s\",\"text\":\"%s\"}",
                eventId, Instant.now().minusSeconds(60), interactionId, agent, team, text);
    }

    public static String qa(String eventId, String agent, String team, String interactionId, boolean automated,
                            double empathy, boolean confirmation) {
        return String.format(Locale.ROOT, "{\"kind\":\"qa-evaluation\",\"eventId\":\"%s\",\"occurredAt\":\"%s\","
                        + "\"evaluationId\":\"%s\",\"interactionId\":\"%s\",\"agentId\":\"%s\",\"teamId\":\"%s\","
                        + "\"evaluator\":\"qa1\",\"automated\":%s,\"criteria\":[{\"criterion\":\"empathy\",\"score\":%s}],"
                        + "\"checklist\":[{\"item\":\"confirmation-statement\",\"passed\":%s}],\"totalScore\":%s}",
                eventId, Instant.now().minusSeconds(30), "eval-" + eventId, interactionId, agent, team, automated,
                empathy, confirmation, empathy);
    }

    public static String survey(String eventId, String interactionId, int csat) {
        return String.format(Locale.ROOT, "{\"kind\":\"survey\",\"eventId\":\"%s\",\"occurredAt\":\"%s\","
                + "\"interactionId\":\"%s\",\"csat\":%d,\"nps\":8}", eventId, Instant.now().minusSeconds(20),
                interactionId, csat);
    }

    public static String adherence(String eventId, String agent, String team, double pct, Instant start) {
        return String.format(Locale.ROOT, "{\"kind\":\"adherence\",\"eventId\":\"%s\",\"occurredAt\":\"%s\","
                        + "\"agentId\":\"%s\",\"teamId\":\"%s\",\"intervalStart\":\"%s\",\"intervalEnd\":\"%s\","
                        + "\"adherencePct\":%s,\"breakTaken\":true,\"breaks\":[{\"start\":\"%s\",\"end\":\"%s\","
                        + "\"type\":\"break\"}]}", eventId, start.plusSeconds(3600), agent, team, start,
                start.plusSeconds(3600), pct, start.plusSeconds(1200), start.plusSeconds(1800));
    }

    public static String liveMonitoring(String eventId, String agent, String team) {
        Instant at = Instant.now().minusSeconds(10);
        return String.format(Locale.ROOT, "{\"kind\":\"live-monitoring\",\"eventId\":\"%s\",\"occurredAt\":\"%s\","
                + "\"agentId\":\"%s\",\"teamId\":\"%s\",\"monitor\":\"supervisor1\",\"at\":\"%s\"}", eventId, at, agent,
                team, at);
    }

    public static String staffing(String eventId, String team, Instant start, int scheduled, int required, double occ) {
        return String.format(Locale.ROOT, "{\"kind\":\"staffing\",\"eventId\":\"%s\",\"occurredAt\":\"%s\","
                        + "\"teamId\":\"%s\",\"queue\":\"billing\",\"intervalStart\":\"%s\",\"intervalEnd\":\"%s\","
                        + "\"scheduledAgents\":%d,\"requiredAgents\":%d,\"occupancy\":%s}", eventId, start, team, start,
                start.plusSeconds(1800), scheduled, required, occ);
    }
}
