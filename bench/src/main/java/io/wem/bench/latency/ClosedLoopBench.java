package io.wem.bench.latency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wem.bench.ingest.KafkaIngestBench;
import io.wem.bench.ingest.SignalSet;
import io.wem.bench.load.Latencies;
import io.wem.bench.stack.Stack;
import io.wem.demo.generator.Signal;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Closed loop: a probe agent's burst of interactions whose after-call work is about three times the team's while its
 * surveys are top marks (the built-in acw-habits behavior) is produced to wem.signal.signals.v1; the latency is the
 * time from the start of that burst until coaching-service's {@code GET /api/v1/interventions?teamId=...} (as coach1,
 * a real Keycloak token) lists an intervention for the probe agent: as the intervention's agent, or among the affected
 * agents of a team-level one. Each probe agent is new, so each probe is a new gap; but the probes stay in the team's
 * 14-day window, and once they are 40% of its agents with data the suite rightly calls the shared gap a process
 * problem and attaches each further probe to one process fix for the process owner. Those probes are counted apart.
 * Background load: other signals produced at a fixed rate during the probes. Reference: one Kafka hop (produce to
 * consume on a scratch topic) measured at the same time on the same broker.
 */
public final class ClosedLoopBench {
    public static final String TEAM = "team-north";
    static final String ROUNDTRIP_TOPIC = "wem.bench.roundtrip.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Result(int backgroundRate, double achievedBackgroundRate, int probes, int seen, int seenTeamLevel,
                         Latencies closedLoop, Latencies kafkaHop, String note) {
    }

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String runId;

    public ClosedLoopBench(Stack stack, String runId) {
        this.stack = stack;
        this.runId = runId;
    }

    /** Normal agents of the probe team (fixed ids, new events every run) so the team has a baseline to compare with. */
    public static List<Signal> baseline(String runId, Instant now) {
        Random rnd = new Random(42);
        List<Signal> out = new ArrayList<>();
        for (int a = 1; a <= 20; a++) {
            String agent = String.format("agent-benchbase-%02d", a);
            for (int k = 0; k < 40; k++) {
                Instant started = now.minus(Duration.ofMinutes(20L + rnd.nextInt(36 * 60)));
                int acw = (int) Math.max(20, 55 + rnd.nextGaussian() * 8);
                out.addAll(interaction(runId + "-b" + a + "-" + k, agent, started, acw,
                        3 + rnd.nextInt(2), rnd.nextInt(11)));
            }
        }
        return out;
    }

    /** One probe: 40 interactions with ~190 s of after-call work, each with a top survey. */
    static List<Signal> probe(String eventPrefix, String agent, Instant now, Random rnd) {
        List<Signal> out = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            Instant started = now.minus(Duration.ofMinutes(15L + k * 9L));
            out.addAll(interaction(eventPrefix + "-" + k, agent, started, 180 + rnd.nextInt(30), 5, 10));
        }
        return out;
    }

    static List<Signal> interaction(String id, String agent, Instant started, int acw, int csat, int nps) {
        int talk = 240;
        Instant ended = started.plusSeconds(talk + acw);
        String iid = "ix-" + id;
        return List.of(new Signal.Interaction("evt-" + id, ended, iid, agent, TEAM, "voice", "general",
                        "account-change", started, talk, 0, 0, acw, 0, "resolved", false, false, false),
                new Signal.Survey("evt-sv-" + id, ended.plusSeconds(60), iid, csat, nps));
    }

    public void sendBaseline(KafkaProducer<String, String> producer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (Signal s : baseline(runId, now)) {
            producer.send(new ProducerRecord<>(KafkaIngestBench.TOPIC, key(s), SignalSet.envelope(s)));
        }
        producer.flush();
    }

    private static String key(Signal s) {
        return s.agentIdOrNull() != null ? s.agentIdOrNull() : ((Signal.Survey) s).interactionId();
    }

    public Result run(String coachToken, SignalSet background, int rate, int probes, double probeSpacingSeconds,
                      double waitSeconds) throws Exception {
        try (Admin admin = KafkaIngestBench.admin()) {
            KafkaIngestBench.ensureTopic(admin, ROUNDTRIP_TOPIC, 1);
        }
        AtomicBoolean stop = new AtomicBoolean();
        Latencies hop = new Latencies(1000);
        Latencies loop = new Latencies(probes);
        Map<String, Long> pending = new ConcurrentHashMap<>();
        AtomicInteger teamLevel = new AtomicInteger();
        int[] backgroundSent = new int[1];
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = KafkaIngestBench.producer()) {
            Thread bg = new Thread(() -> {
                long interval = (long) (1e9 / rate);
                long start = System.nanoTime();
                int i = 0;
                for (SignalSet.Keyed k : background.records()) {
                    if (stop.get()) {
                        break;
                    }
                    long wait = start + i * interval - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    producer.send(new ProducerRecord<>(KafkaIngestBench.TOPIC, k.key(), k.value()));
                    i++;
                }
                backgroundSent[0] = i;
            }, "bench-background");
            Thread hopper = kafkaHop(producer, hop, stop);
            bg.start();
            hopper.start();
            Thread.sleep(3000); // let the background rate settle before the first probe
            Random rnd = new Random(runId.hashCode() + rate);
            Thread poller = poller(coachToken, pending, loop, teamLevel, stop);
            poller.start();
            for (int p = 0; p < probes; p++) {
                String agent = "agent-" + runId + "-r" + rate + "-p" + p;
                List<Signal> burst = probe(runId + "-r" + rate + "-p" + p, agent, Instant.now(), rnd);
                pending.put(agent, System.nanoTime());
                for (Signal s : burst) {
                    producer.send(new ProducerRecord<>(KafkaIngestBench.TOPIC, key(s), SignalSet.envelope(s)));
                }
                producer.flush();
                Thread.sleep((long) (probeSpacingSeconds * 1000));
            }
            long deadline = System.nanoTime() + (long) (waitSeconds * 1e9);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            stop.set(true);
            bg.join(5000);
            hopper.join(5000);
            poller.join(5000);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        int seen = loop.count();
        String note = pending.isEmpty() ? null : pending.size() + " of " + probes
                + " probes had no intervention within " + (int) waitSeconds + " s after the last probe";
        return new Result(rate, backgroundSent[0] / secs, probes, seen, teamLevel.get(), loop, hop, note);
    }

    /** Polls the coaching API every 100 ms and records each pending probe agent the first time it is listed. */
    private Thread poller(String token, Map<String, Long> pending, Latencies loop, AtomicInteger teamLevel,
                          AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            URI uri = URI.create(Stack.url("coaching-service") + "/api/v1/interventions?teamId=" + TEAM);
            while (!stop.get()) {
                if (!pending.isEmpty()) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        long at = System.nanoTime();
                        if (r.statusCode() == 200) {
                            answered(JSON.readTree(r.body())).forEach((agent, byTeamLevel) -> {
                                Long since = pending.remove(agent);
                                if (since != null) {
                                    loop.add(at - since);
                                    if (byTeamLevel) {
                                        teamLevel.incrementAndGet();
                                    }
                                }
                            });
                        }
                    } catch (Exception ignored) {
                        // a failed poll only delays the observation; it is retried 100 ms later
                    }
                }
                LockSupport.parkNanos(100_000_000L);
            }
        }, "bench-coaching-poller");
        t.setDaemon(true);
        return t;
    }

    /**
     * The agents an intervention listing answers, each with whether the answer is team-level work (the agent is one
     * of its affected agents) rather than an intervention of the agent's own.
     */
    static Map<String, Boolean> answered(JsonNode interventions) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (JsonNode n : interventions) {
            String agent = n.path("agentId").asText("");
            if (!agent.isEmpty()) {
                out.put(agent, false);
            } else {
                n.path("affectedAgentIds").forEach(a -> out.putIfAbsent(a.asText(), true));
            }
        }
        return out;
    }

    /** 20 timestamped records a second through a scratch topic: the latency of one Kafka hop under the same load. */
    private Thread kafkaHop(KafkaProducer<String, String> producer, Latencies hop, AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
            p.putAll(Stack.KAFKA_SECURITY);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "wem-bench-hop-" + runId + "-" + System.nanoTime());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
                c.subscribe(List.of(ROUNDTRIP_TOPIC));
                while (c.assignment().isEmpty()) {
                    c.poll(Duration.ofMillis(100));
                }
                c.seekToEnd(c.assignment());
                c.position(c.assignment().iterator().next());
                long next = System.nanoTime();
                while (!stop.get()) {
                    if (System.nanoTime() >= next) {
                        producer.send(new ProducerRecord<>(ROUNDTRIP_TOPIC, "hop", Long.toString(System.nanoTime())));
                        next += 50_000_000L;
                    }
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(10))) {
                        hop.add(System.nanoTime() - Long.parseLong(r.value()));
                    }
                }
            }
        }, "bench-kafka-hop");
        t.setDaemon(true);
        return t;
    }
}
