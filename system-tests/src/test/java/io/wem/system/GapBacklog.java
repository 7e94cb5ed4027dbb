package io.wem.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Where gaps published to coaching-service stand (issue #18's "slow or lost?"): how many became interventions, how many
 * coaching consumed without making one (lost), how many it parked in its dead-letter topic (lost), and how many are
 * still in its consumer group's lag (slow). Read from the stack's database, broker and logs, never from the service's
 * own code.
 */
final class GapBacklog {

    static final String DLQ = "wem.dlq.coaching-service.gaps.v1";
    /** GapConsumer's name in processed_event (the table's rows say which envelope ids coaching has handled). */
    private static final String CONSUMER = "coaching-gaps";

    record Gap(String envelopeId, String gapId, String agentId, Instant publishedAt) {
    }

    /** A snapshot: counts, and the group's lag on the gaps topic. */
    record State(int published, long interventions, long consumedWithout, long deadLettered, long lag,
                 Map<Integer, Long> lagPerPartition) {
        boolean lost() {
            return consumedWithout > 0 || deadLettered > 0;
        }

        @Override
        public String toString() {
            return published + " gaps published: " + interventions + " interventions, " + consumedWithout
                    + " consumed without an intervention, " + deadLettered + " in the dead-letter topic, consumer lag "
                    + lag + " " + lagPerPartition;
        }
    }

    private GapBacklog() {
    }

    static State state(List<Gap> gaps, Map<TopicPartition, Long> dlqMark) {
        List<String> gapIds = gaps.stream().map(Gap::gapId).toList();
        String[] envelopes = gaps.stream().map(Gap::envelopeId).toArray(String[]::new);
        long interventions = Db.count("wem_coaching", "select count(*) from intervention_gap where gap_id = any(?)",
                (Object) gapIds.toArray(String[]::new));
        long consumed = Db.count("wem_coaching", "select count(*) from processed_event where consumer = ? and "
                + "event_id = any(?)", CONSUMER, envelopes);
        Set<String> ours = new HashSet<>(List.of(envelopes));
        long[] parked = {0};
        if (dlqMark != null) {
            KafkaTool.readSince(dlqMark, (key, value) -> {
                if (ours.contains(JsonTree.parse(value).path("id").asText())) {
                    parked[0]++;
                }
            });
        }
        Map<Integer, Long> lag = lag();
        return new State(gaps.size(), interventions, Math.max(0, consumed - interventions), parked[0],
                lag.values().stream().mapToLong(Long::longValue).sum(), lag);
    }

    /** End offset minus coaching's committed offset, per partition of the gaps topic. */
    static Map<Integer, Long> lag() {
        String group = SystemTestConfig.topicPrefix() + "coaching-service";
        Map<TopicPartition, Long> end = KafkaTool.endOffsets(Gaps.TOPIC);
        try (Admin admin = Admin.create(KafkaTool.client())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(Map.of(group,
                    new ListConsumerGroupOffsetsSpec().topicPartitions(end.keySet()))).partitionsToOffsetAndMetadata(group)
                    .get(20, TimeUnit.SECONDS);
            Map<Integer, Long> out = new TreeMap<>();
            end.forEach((tp, e) -> {
                OffsetAndMetadata c = committed.get(tp);
                out.put(tp.partition(), e - (c == null ? 0 : c.offset()));
            });
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + group + ": " + e, e);
        }
    }

    /** Seconds from publication to intervention, per gap that has one: the slowest first. */
    static List<Long> secondsToIntervention(List<Gap> gaps) {
        Map<String, Instant> published = new java.util.HashMap<>();
        gaps.forEach(g -> published.put(g.gapId(), g.publishedAt()));
        List<Long> out = new ArrayList<>();
        for (Map<String, Object> row : Db.rows("wem_coaching", "select gap_id, received_at from intervention_gap where "
                + "gap_id = any(?)", (Object) published.keySet().toArray(String[]::new))) {
            Instant at = ((java.sql.Timestamp) row.get("received_at")).toInstant();
            out.add(Duration.between(published.get((String) row.get("gap_id")), at).toSeconds());
        }
        out.sort(java.util.Comparator.reverseOrder());
        return out;
    }

    /** WARN and ERROR lines (and the lines following an ERROR) of a component's log after {@code from} bytes. */
    static List<String> problems(String component, long from, int max) {
        Path log = Stack.wemDir().resolve("logs").resolve(component + ".log");
        try {
            byte[] all = Files.readAllBytes(log);
            String tail = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8);
            return tail.lines().filter(l -> l.matches("^\\S+ (WARN|ERROR) .*") || l.startsWith("=====")
                    || l.startsWith("Caused by")).limit(max).toList();
        } catch (java.io.IOException e) {
            return List.of("(cannot read " + log + ": " + e + ")");
        }
    }

    static long logSize(String component) {
        try {
            return Files.size(Stack.wemDir().resolve("logs").resolve(component + ".log"));
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
