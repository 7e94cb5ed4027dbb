package io.wem.bench.ingest;

import io.wem.bench.stack.Prometheus;
import io.wem.bench.stack.Stack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * End-to-end Kafka ingestion: produce a prepared set of signal envelopes to wem.signal.signals.v1 as fast as the
 * producer can, and follow signal-service's own counter of stored signals (wem_signal_ingested_total on /q/metrics)
 * until every record is consumed (consumer group lag 0) and the detector's queue (dirty_team) is empty again.
 * The steady-state rate is the slope of stored signals between 10 % and 90 % of the total (ramp-up and tail excluded).
 */
public final class KafkaIngestBench {
    /** The ingest topic; {@code -Dwem.bench.topic-prefix} matches a service started with wem.kafka.topic-prefix. */
    public static final String TOPIC = System.getProperty("wem.bench.topic-prefix", "") + "wem.signal.signals.v1";
    public static final String GROUP = "signal-service";
    static final String COUNTER = "wem_signal_ingested_total";

    /** Producer settings shared with the ProducerPerformance reference, so both measure the same client work. */
    public static final Map<String, String> PRODUCER = Map.of(ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, "5", ProducerConfig.BATCH_SIZE_CONFIG, "131072",
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");

    static final List<String> CONSUMER_METRICS = List.of("kafka_consumer_poll_idle_ratio_avg",
            "kafka_consumer_time_between_poll_avg", "kafka_consumer_fetch_manager_fetch_latency_avg",
            "kafka_consumer_fetch_manager_records_per_request_avg", "kafka_consumer_fetch_manager_fetch_rate",
            "kafka_consumer_fetch_manager_records_consumed_rate");

    public record Sample(double seconds, double stored) {
    }

    public record Result(int produced, double produceSeconds, double storedDelta, double steadyRate, double overallRate,
                         double drainSeconds, Double evaluationDrainedSeconds, String countSource,
                         List<Sample> samples, Map<String, Double> consumerMetrics) {
    }

    private final Stack stack;
    private final Prometheus prometheus;

    public KafkaIngestBench(Stack stack) {
        this.stack = stack;
        this.prometheus = new Prometheus(stack.http());
    }

    public static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.putAll(Stack.KAFKA_SECURITY);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(p);
    }

    public static void ensureTopic(Admin admin, String topic, int partitions) throws Exception {
        Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        if (!names.contains(topic)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
    }

    public static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.putAll(Stack.KAFKA_SECURITY);
        p.putAll(PRODUCER);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** Records of {@code topic} not yet committed by {@code group}. */
    public static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                .partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            latest.put(new TopicPartition(topic, i), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** Waits (bounded) until signal-service has consumed what is already on the topic, so the run starts clean. */
    public void waitIdle(Admin admin, long maxMillis) throws Exception {
        long end = System.currentTimeMillis() + maxMillis;
        while (System.currentTimeMillis() < end && lag(admin, GROUP, TOPIC) > 0) {
            Thread.sleep(500);
        }
    }

    public Result run(SignalSet set, long timeoutMillis) throws Exception {
        String signalManagement = Stack.managementUrl("signal-service"); // its /q/metrics
        double c0 = prometheus.sum(signalManagement, COUNTER);
        if (Double.isNaN(c0) && prometheus.reachable(signalManagement)) {
            c0 = 0; // Micrometer registers the counter on its first increment: absent means nothing stored yet
        }
        String source = Double.isNaN(c0) ? "pg_stat_user_tables inserts (signal_*)" : COUNTER;
        try (Admin admin = admin(); Connection db = signalDb()) {
            ensureTopic(admin, TOPIC, 6);
            waitIdle(admin, 60_000);
            double base = Double.isNaN(c0) ? pgInserts(db) : c0;
            List<Sample> samples = new ArrayList<>();
            Map<String, Double> consumerMetrics = new java.util.LinkedHashMap<>();
            AtomicLong producedAt = new AtomicLong();
            AtomicReference<Exception> sendError = new AtomicReference<>();
            long t0 = System.nanoTime();
            Thread producer = new Thread(() -> {
                try (KafkaProducer<String, String> p = producer()) {
                    for (SignalSet.Keyed k : set.records()) {
                        p.send(new ProducerRecord<>(TOPIC, k.key(), k.value()), (md, e) -> {
                            if (e != null) {
                                sendError.compareAndSet(null, e);
                            }
                        });
                    }
                    p.flush();
                    producedAt.set(System.nanoTime());
                } catch (Exception e) {
                    sendError.compareAndSet(null, e);
                }
            }, "bench-producer");
            producer.start();
            int n = set.records().size();
            long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            double stored = 0;
            long lastLagCheck = 0;
            boolean consumed = false;
            while (System.nanoTime() < deadline) {
                Thread.sleep(500); // each scrape costs signal-service CPU (~3 % of its samples at 250 ms)
                double now = Double.isNaN(c0) ? pgInserts(db) : orZero(prometheus.sum(signalManagement, COUNTER));
                if (!Double.isNaN(now)) {
                    stored = now - base;
                }
                double t = (System.nanoTime() - t0) / 1e9;
                samples.add(new Sample(t, stored));
                if (consumerMetrics.isEmpty() && stored >= n * 0.6) {
                    // Kafka client's own view of signal-service's consumer mid-run (30 s windows): is it waiting in
                    // poll (idle ratio near 1) or busy between polls, and how full are its fetches?
                    consumerMetrics.putAll(prometheus.select(signalManagement, CONSUMER_METRICS, "client_id=\"kafka-consumer-signals\""));
                }
                if (producedAt.get() != 0 && stored >= n) {
                    consumed = true;
                    break;
                }
                // Some records may be dead-lettered (counted nowhere): finish when the group has no lag left.
                if (producedAt.get() != 0 && System.nanoTime() - lastLagCheck > 2_000_000_000L) {
                    lastLagCheck = System.nanoTime();
                    if (lag(admin, GROUP, TOPIC) == 0) {
                        Thread.sleep(1000); // let the last batch's counter land
                        double last = Double.isNaN(c0) ? pgInserts(db) : orZero(prometheus.sum(signalManagement, COUNTER));
                        stored = last - base;
                        samples.add(new Sample((System.nanoTime() - t0) / 1e9, stored));
                        consumed = true;
                        break;
                    }
                }
            }
            producer.join(60_000);
            if (sendError.get() != null) {
                throw new IllegalStateException("producing failed: " + sendError.get().getMessage(), sendError.get());
            }
            double drain = samples.isEmpty() ? 0 : lastChange(samples);
            Double evaluated = null;
            long evalDeadline = System.nanoTime() + 20_000_000_000L;
            while (consumed && System.nanoTime() < evalDeadline) {
                long dirty = dirtyTeams(db);
                if (dirty == 0) {
                    evaluated = (System.nanoTime() - t0) / 1e9;
                    break;
                }
                if (dirty < 0) {
                    break; // no detector queue in this version of signal-service
                }
                Thread.sleep(200);
            }
            double produceSecs = producedAt.get() == 0 ? Double.NaN : (producedAt.get() - t0) / 1e9;
            return new Result(n, produceSecs, stored, steady(samples, stored), stored / drain, drain, evaluated,
                    source, samples, consumerMetrics);
        }
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Slope of stored signals between 10 % and 90 % of the final count, interpolated on the samples. */
    static double steady(List<Sample> samples, double total) {
        if (total <= 0) {
            return 0;
        }
        double t10 = timeAt(samples, total * 0.1);
        double t90 = timeAt(samples, total * 0.9);
        return t90 > t10 ? total * 0.8 / (t90 - t10) : 0;
    }

    static double timeAt(List<Sample> s, double count) {
        Sample prev = new Sample(0, 0);
        for (Sample x : s) {
            if (x.stored() >= count) {
                double span = x.stored() - prev.stored();
                return span <= 0 ? x.seconds() : prev.seconds() + (count - prev.stored()) / span * (x.seconds() - prev.seconds());
            }
            prev = x;
        }
        return prev.seconds();
    }

    static double lastChange(List<Sample> s) {
        double last = s.get(s.size() - 1).stored();
        for (Sample x : s) {
            if (x.stored() >= last) {
                return x.seconds();
            }
        }
        return s.get(s.size() - 1).seconds();
    }

    static Connection signalDb() throws SQLException {
        return DriverManager.getConnection(System.getProperty("wem.bench.signal-db",
                "jdbc:postgresql://127.0.0.1:5432/wem_signal"), "wem_signal", "wem_signal");
    }

    /** Rows inserted into signal-service's signal tables since statistics reset (fallback counter). */
    static double pgInserts(Connection db) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname LIKE 'signal\\_%'")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    /** Teams waiting for the detector, or -1 when signal-service has no such queue. */
    static long dirtyTeams(Connection db) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM dirty_team")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    public static String summary(List<Sample> samples) {
        return samples.stream().filter(s -> Math.round(s.seconds() * 4) % 4 == 0)
                .map(s -> String.format("%.0fs:%.0f", s.seconds(), s.stored())).collect(Collectors.joining(" "));
    }
}
