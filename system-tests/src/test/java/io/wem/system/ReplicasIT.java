package io.wem.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two replicas of every service (issue #18): before its tests, this class starts a second instance of each of the four
 * services (a copy of the first one's build and environment on other ports: same databases, topics and consumer
 * groups), and stops them after them, so every other system test runs on one replica per service. {@code ./wem} builds
 * signal-service a second time as its "next version" (-Pnext-version: the same code plus a test-only expand
 * migration). Work is driven through both replicas, and nothing may be lost or doubled; then, under one flow of
 * signals and gaps, one replica of each service is stopped in turn with SIGTERM and then with SIGKILL, and
 * signal-service's second replica is upgraded to the next version while the first stays the old one. The first
 * replicas stay up for the suites after it (signal-service's as the old version on the expanded schema).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final Duration READY = Duration.ofSeconds(150);
    /** Every topic a service's outbox writes to. */
    private static final List<String> OUTBOX_TOPICS = List.of("wem.signal.interactions.v1", "wem.signal.gaps.v1",
            "wem.wellbeing.monitoring-events.v1", "wem.wellbeing.alerts.v1", "wem.coaching.interventions.v1",
            "wem.governance.audit-events.v1", "wem.governance.purge-commands.v1", "wem.governance.purge-results.v1");
    /** The order replicas are stopped in: the callee first, as a rollout would not choose, to be hardest. */
    private static final List<WemService> ROLL = List.of(WemService.GOVERNANCE, WemService.SIGNAL,
            WemService.COACHING, WemService.WELLBEING);
    private static final List<String> TEAMS = List.of("team-north", "team-east");
    /** Gaps per burst of the roll test: five bursts, two of them just before a coaching replica is stopped. */
    private static final int GAP_BURST = 20;
    /**
     * How long the gaps of a test may take to become interventions, after the last was published. Coaching's consumer
     * of a SIGKILLed replica keeps its partitions until the broker's session timeout (45 s) expires.
     */
    private static final Duration GAPS_SETTLE = Duration.ofSeconds(150);
    /** After {@link #GAPS_SETTLE}, how long a failing run keeps watching, to tell slow from lost in its message. */
    private static final Duration GAPS_OBSERVE = Duration.ofSeconds(Long.getLong("wem.replicas.observe-seconds", 240));

    /** Seeded, so that a failure can be replayed; the shapes are varied but never near a detection threshold. */
    private final Random random = new Random(Long.getLong("wem.replicas.seed", 20261204L));

    private static Instant lastPhase = Instant.now();

    /** How long each part took, in the test's output: ./wem test has a time budget (docs/deploy-kubernetes.md). */
    private static void phase(String name) {
        Instant now = Instant.now();
        System.out.println("ReplicasIT phase: " + name + " took " + Duration.between(lastPhase, now).toSeconds() + " s");
        lastPhase = now;
    }

    @BeforeAll
    static void twoReplicas() {
        assumeTrue(Replicas.present(), "the stack runs one replica per service (WEM_SYSTEST_REPLICAS=1)");
        Stack.awaitAllReady(READY);
        lastPhase = Instant.now();
        Replicas.startSecondReplicas(READY.multipliedBy(2));
        phase("starting the second replicas");
    }

    @AfterAll
    static void oneReplicaAgain() {
        if (Replicas.present()) {
            Replicas.stopSecondReplicas();
        }
    }

    @BeforeEach
    void everyReplicaUp() {
        Replicas.awaitAllReady(READY);
    }

    @AfterEach
    void everyReplicaUpAgain() {
        Replicas.awaitAllReady(READY);
    }

    @Test
    @Order(1)
    @DisplayName("work through both replicas of every service: nothing lost, nothing doubled, each event published once")
    void bothReplicasShareTheWorkOnce() throws Exception {
        Map<String, Map<TopicPartition, Long>> marks = new LinkedHashMap<>();
        for (String topic : OUTBOX_TOPICS) {
            marks.put(topic, KafkaTool.endOffsets(topic));
        }

        // signals: every batch posted to both replicas at once (a client retrying through a load balancer)
        List<String> agents = agents("rs", 6);
        List<List<Map<String, Object>>> batches = batches(agents, 12, 10);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < batches.size(); i++) {
                Replicas.post(batches.get(i), i);
            }
        });
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < batches.size(); i++) {
                Replicas.post(batches.get(i), i + 1);
            }
        });
        CompletableFuture.allOf(first, second).get(4, TimeUnit.MINUTES);
        List<String> eventIds = eventIds(batches);
        assertEquals(eventIds.size(), count("wem_signal", "signal_interaction", "event_id", eventIds),
                "interactions stored (each posted to both replicas)");

        // gaps: both coaching replicas in one consumer group; each gap one intervention, one guardrail decision
        Map<TopicPartition, Long> dlqMark = KafkaTool.endOffsets(GapBacklog.DLQ);
        Map<Integer, Long> coachingLogs = coachingLogMarks();
        List<GapBacklog.Gap> gaps;
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            gaps = publish(producer, "rg", 24);
        }
        assertOneInterventionPerGap(gaps, dlqMark, coachingLogs);
        assertGuardrailDecidedOnce(gaps);
        phase("signals and gaps through both replicas");

        // audit: concurrent appends through both governance replicas, each recorded once, chain intact
        long before = Db.count("wem_governance", "select count(*) from audit_entry where resource = ?",
                "governance-service:audit-verify");
        CompletableFuture<Void> v0 = CompletableFuture.runAsync(() -> verifyAudit(0, 5));
        CompletableFuture<Void> v1 = CompletableFuture.runAsync(() -> verifyAudit(1, 5));
        CompletableFuture.allOf(v0, v1).get(2, TimeUnit.MINUTES);
        assertEquals(before + 10, Db.count("wem_governance", "select count(*) from audit_entry where resource = ?",
                "governance-service:audit-verify"), "audit entries of 10 verifications through both replicas");
        assertAuditChainValid();

        // purge: issued through the second governance replica, each command answered exactly once
        Instant purgeStarted = Instant.now().minusSeconds(1);
        given().baseUri(Replicas.url(WemService.GOVERNANCE, 1)).auth().oauth2(Tokens.user("govadmin1").raw())
                .contentType(ContentType.JSON).body("{}").post("/api/v1/retention/purges").then().statusCode(202);
        List<String> commands = Db.rows("wem_governance", "select command_id from purge_command_log where issued_at >= ?",
                java.sql.Timestamp.from(purgeStarted)).stream().map(r -> (String) r.get("command_id")).toList();
        assertTrue(!commands.isEmpty(), "the purge issued no command");
        await("a purge result for each of " + commands.size() + " commands").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count("wem_governance", "purge_evidence", "command_id", commands) == commands.size());

        // every outbox event of this test on its topic once (both replicas' publishers share the outbox tables)
        for (Map.Entry<String, Map<TopicPartition, Long>> mark : marks.entrySet()) {
            Map<String, Integer> perId = new HashMap<>();
            KafkaTool.readSince(mark.getValue(), (key, value) -> perId.merge(JsonTree.parse(value).path("id").asText(),
                    1, Integer::sum));
            Map<String, Integer> doubled = new HashMap<>(perId);
            doubled.values().removeIf(n -> n == 1);
            assertTrue(doubled.isEmpty(), mark.getKey() + ": events published more than once: " + doubled);
        }
        // the interactions were forwarded to wellbeing once each, although each reached signal-service twice
        assertEquals(eventIds.size(), activitiesOf(marks.get("wem.signal.interactions.v1"), Set.copyOf(agents)),
                "activities forwarded for the interactions posted twice");
        // ...and both wellbeing replicas (one consumer group) recorded each once: none lost to a rebalance
        await("wellbeing's recovery bookkeeping holds each of the " + eventIds.size() + " activities")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("wem_wellbeing", "agent_activity", "agent_id", agents) == eventIds.size());
    }

    /**
     * One flow of signals and gaps through both replicas, and under it, one replica of each service after the other:
     * <ol>
     * <li>SIGTERM: each service's second replica stopped and started again; signal-service's comes back as the next
     * version (a second build with an expand migration, which it applies at start);</li>
     * <li>the old and the new signal-service side by side: both serve reads, both take the flow;</li>
     * <li>SIGKILL: each service's second replica again, consumers in the middle of their batches, but signal-service's
     * first, still the old version: it comes back as the old version on the expanded schema (Flyway finds V900
     * "future"), as an old pod restarted mid-rollout would.</li>
     * </ol>
     * Then nothing of the flow may be lost or doubled, and no signal-service replica may have logged an ERROR. The
     * upgrade's last step (the first replica onto the next version: a new version starting on a schema it migrated
     * itself, as every restart after an upgrade does) is left out for ./wem test's time budget; the suites after this
     * one run on the old first replica over the expanded schema.
     */
    @Test
    @Order(2)
    @DisplayName("rolling restarts under load (SIGTERM, then SIGKILL, one replica of each service in turn) with signal-service upgraded old to new one replica at a time")
    void rollingRestartsAndUpgradeUnderLoad() throws Exception {
        java.nio.file.Path nextVersion = nextVersionApp();
        phase("work through both replicas (audit, purge, outbox)");
        Map<Integer, Long> logMarks = new HashMap<>();
        for (int r = 0; r < 2; r++) {
            logMarks.put(r, logSize(Replicas.component(WemService.SIGNAL, r)));
        }
        List<String> agents = agents("roll", 8);
        List<List<Map<String, Object>>> posted = Collections.synchronizedList(new ArrayList<>());
        // gaps: a fixed number, in bursts just before each coaching replica is stopped (so that its consumer is in
        // the middle of them when it goes) and between the waves; each burst names where it was published
        Map<TopicPartition, Long> dlqMark = KafkaTool.endOffsets(GapBacklog.DLQ);
        Map<Integer, Long> coachingLogs = coachingLogMarks();
        List<GapBacklog.Gap> gaps = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> signals = signalFlow(agents, posted, stop);
        try (KafkaProducer<String, String> producer = KafkaTool.producer()) {
            gaps.addAll(publish(producer, "rstart", GAP_BURST));
            Signals.sleep(Duration.ofSeconds(2));
            // 1. SIGTERM, one service after the other; signal-service's second replica comes back as the next version
            roll(false, 1, nextVersion, () -> gaps.addAll(publish(producer, "rterm", GAP_BURST)));
            phase("SIGTERM wave");
            assertEquals(1, Db.count("wem_signal", "select count(*) from flyway_schema_history where version = '900' "
                    + "and success"), "the next version's expand migration (V900), applied by its replica at start");
            // 2. old (replica 0) and new (replica 1) side by side, both taking the flow
            long before = posted.size();
            readThroughBothReplicas();
            gaps.addAll(publish(producer, "rside", GAP_BURST));
            await("signals flowing through both versions").atMost(Duration.ofSeconds(30))
                    .until(() -> posted.size() >= before + 4);
            // 3. SIGKILL, one service after the other; of signal-service the first replica, still the old version, which
            //    comes back as the old version, as an old pod restarted mid-rollout would: on the expanded schema
            roll(true, 0, null, () -> gaps.addAll(publish(producer, "rkill", GAP_BURST)));
            readThroughBothReplicas();
            phase("SIGKILL wave");
            gaps.addAll(publish(producer, "rend", GAP_BURST));
            Signals.sleep(Duration.ofSeconds(2));
        } finally {
            stop.set(true);
        }
        signals.get(3, TimeUnit.MINUTES);

        List<String> eventIds = eventIds(new ArrayList<>(posted));
        assertTrue(eventIds.size() >= 100, "too few signals flowed during the roll: " + eventIds.size());
        assertEquals(eventIds.size(), count("wem_signal", "signal_interaction", "event_id", eventIds),
                "interactions stored of " + eventIds.size() + " posted during the roll");
        // the new column is the next version's: the old version never wrote it, and nothing broke beside it
        assertEquals(0, Db.count("wem_signal", "select count(*) from signal_interaction where event_id = any(?) and "
                + "next_version_note is not null", (Object) eventIds.toArray(String[]::new)));
        List<GapBacklog.Gap> flowed = List.copyOf(gaps);
        assertEquals(5 * GAP_BURST, flowed.size(), "gaps published during the roll");
        assertOneInterventionPerGap(flowed, dlqMark, coachingLogs);
        phase("interventions of the roll's gaps");
        assertGuardrailDecidedOnce(flowed);
        assertAuditChainValid();
        phase("guardrail decisions and audit chain after the roll");
        for (int r = 0; r < 2; r++) {
            List<String> errors = errorsSince(Replicas.component(WemService.SIGNAL, r), logMarks.get(r));
            assertTrue(errors.isEmpty(), "signal-service replica " + r + " logged errors during the roll and upgrade: "
                    + errors);
        }
    }

    /**
     * Stops one replica of each service in {@link #ROLL} order and starts it again at once, then waits until all four
     * are ready: the second replica of governance, coaching and wellbeing (their peers call the first), and
     * signal-service's replica {@code signalReplica}, onto {@code signalApp} when given. The restarts overlap, as on
     * two cores four JVM starts in a row take minutes. {@code beforeCoaching} runs just before coaching's replica is
     * stopped.
     */
    private static void roll(boolean kill, int signalReplica, java.nio.file.Path signalApp, Runnable beforeCoaching) {
        for (WemService service : ROLL) {
            int replica = service == WemService.SIGNAL ? signalReplica : 1;
            if (service == WemService.COACHING) {
                beforeCoaching.run();
            }
            Stack.Stopped stopped = Stack.stop(Replicas.component(service, replica), kill);
            Stack.start(service == WemService.SIGNAL && signalApp != null ? onto(stopped, signalApp) : stopped);
            Signals.sleep(Duration.ofSeconds(3));
        }
        for (WemService service : ROLL) {
            int replica = service == WemService.SIGNAL ? signalReplica : 1;
            await(service + "'s replica " + replica + " ready again").atMost(READY.multipliedBy(2))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> Replicas.ready(service, replica));
        }
    }

    /** signal-service's next version, built by ./wem (-Pnext-version): the same code plus an expand migration. */
    private static java.nio.file.Path nextVersionApp() {
        String app = System.getProperty("wem.signal.next-version-app");
        assertTrue(app != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(app, "quarkus-run.jar")),
                "no next version of signal-service (wem.signal.next-version-app, built by ./wem with -Pnext-version): "
                        + app);
        return java.nio.file.Path.of(app);
    }

    /**
     * A stopped replica's copy of its build replaced with {@code app}, as a rollout replaces a pod's image: the
     * command line, working directory and environment stay the same, so ./wem still knows the process.
     */
    private static Stack.Stopped onto(Stack.Stopped stopped, java.nio.file.Path app) {
        java.nio.file.Path dir = stopped.workdir();
        if (!java.nio.file.Files.isRegularFile(dir.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(stopped.name() + " does not run from a copy of a build: " + dir);
        }
        try {
            Replicas.deleteTree(dir);
            Replicas.copyTree(app, dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not put " + app + " in place of " + dir + ": " + e, e);
        }
        return stopped;
    }

    /** supervisor1's gap listing of team-north (their team) through both replicas. */
    private static void readThroughBothReplicas() {
        for (int r = 0; r < 2; r++) {
            given().baseUri(Replicas.url(WemService.SIGNAL, r)).auth().oauth2(Tokens.user("supervisor1").raw())
                    .get("/api/v1/gaps?teamId=team-north").then().statusCode(200);
        }
    }

    private static java.nio.file.Path logOf(String component) {
        return Stack.wemDir().resolve("logs").resolve(component + ".log");
    }

    private static long logSize(String component) {
        try {
            return java.nio.file.Files.size(logOf(component));
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Lines logged at ERROR level by a component after {@code from} bytes of its log. */
    private static List<String> errorsSince(String component, long from) {
        try {
            byte[] all = java.nio.file.Files.readAllBytes(logOf(component));
            String tail = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    java.nio.charset.StandardCharsets.UTF_8);
            return tail.lines().filter(l -> l.matches("^\\S+ ERROR .*")).limit(10).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the log of " + component + ": " + e, e);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Posts batches of 10 interactions, alternately to each replica, until {@code stop}; records each in {@code posted}. */
    private CompletableFuture<Void> signalFlow(List<String> agents, List<List<Map<String, Object>>> posted,
                                               AtomicBoolean stop) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; !stop.get(); i++) {
                List<Map<String, Object>> batch = batches(agents, 1, 10).get(0);
                posted.add(batch);
                Replicas.post(batch, i);
                Signals.sleep(Duration.ofMillis(200));
            }
        });
    }

    private List<String> agents(String label, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(RunIds.agent(TEAMS.get(i % TEAMS.size()), label + i));
        }
        return out;
    }

    /** {@code count} batches of {@code size} ordinary interactions of the given agents (varied, seeded). */
    private List<List<Map<String, Object>>> batches(List<String> agents, int count, int size) {
        List<List<Map<String, Object>>> out = new ArrayList<>();
        Instant base = Instant.now().minus(Duration.ofHours(3));
        for (int b = 0; b < count; b++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String agent = agents.get(random.nextInt(agents.size()));
                String team = agent.startsWith("agent-north") ? "team-north" : "team-east";
                Instant at = base.plusSeconds(random.nextInt(3 * 3600));
                batch.add(Signals.interaction(RunIds.next("int"), agent, team, at, 150 + random.nextInt(300),
                        random.nextInt(4) == 0 ? random.nextInt(60) : 0, 20 + random.nextInt(60), 0,
                        random.nextBoolean() ? "billing-question" : "payment"));
            }
            out.add(batch);
        }
        return out;
    }

    private static List<String> eventIds(List<List<Map<String, Object>>> batches) {
        List<String> ids = new ArrayList<>();
        for (List<Map<String, Object>> batch : batches) {
            for (Map<String, Object> s : batch) {
                ids.add((String) s.get("eventId"));
            }
        }
        return ids;
    }

    private static long count(String db, String table, String column, List<String> values) {
        return Db.count(db, "select count(*) from " + table + " where " + column + " = any(?)",
                (Object) values.toArray(String[]::new));
    }

    /**
     * Publishes {@code n} skill gaps of new team-north agents, as signal-service would, one after the other (each
     * acknowledged by the broker), and returns them with the moment each was acknowledged.
     */
    private static List<GapBacklog.Gap> publish(KafkaProducer<String, String> producer, String label, int n) {
        List<GapBacklog.Gap> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String envelopeId = Gaps.newEnvelopeId();
            String gapId = RunIds.next("gap-" + label);
            String agentId = RunIds.agent("team-north", "g" + label + i);
            KafkaTool.send(producer, Gaps.TOPIC, agentId, Gaps.skillGapEnvelope(envelopeId, gapId, agentId, "team-north"));
            out.add(new GapBacklog.Gap(envelopeId, gapId, agentId, Instant.now()));
        }
        return out;
    }

    private static Map<Integer, Long> coachingLogMarks() {
        Map<Integer, Long> marks = new HashMap<>();
        for (int r = 0; r < 2; r++) {
            marks.put(r, GapBacklog.logSize(Replicas.component(WemService.COACHING, r)));
        }
        return marks;
    }

    /**
     * Each gap one intervention within {@link #GAPS_SETTLE}. When not, the message says whether the missing ones are
     * lost (consumed without an intervention, or dead-lettered) or slow (still in the consumer group's lag, and when
     * they arrived if they did within {@link #GAPS_OBSERVE} more), with the coaching replicas' warnings and errors.
     */
    private static void assertOneInterventionPerGap(List<GapBacklog.Gap> gaps, Map<TopicPartition, Long> dlqMark,
                                                    Map<Integer, Long> coachingLogs) {
        List<String> gapIds = gaps.stream().map(GapBacklog.Gap::gapId).toList();
        List<String> agents = gaps.stream().map(GapBacklog.Gap::agentId).toList();
        Instant started = Instant.now();
        try {
            await("an intervention for each of " + gaps.size() + " gaps").atMost(GAPS_SETTLE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> count("wem_coaching", "intervention_gap", "gap_id", gapIds) == gaps.size());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder why = new StringBuilder("not every gap an intervention within " + GAPS_SETTLE + ": ");
            GapBacklog.State at = GapBacklog.state(gaps, dlqMark);
            why.append(at);
            Instant until = Instant.now().plus(GAPS_OBSERVE);
            GapBacklog.State now = at;
            while (now.interventions() < gaps.size() && !now.lost() && Instant.now().isBefore(until)) {
                Signals.sleep(Duration.ofSeconds(5));
                now = GapBacklog.state(gaps, dlqMark);
            }
            why.append("; after ").append(Duration.between(started, Instant.now()).toSeconds()).append(" s: ")
                    .append(now);
            why.append("; slowest seconds from publication to intervention: ")
                    .append(GapBacklog.secondsToIntervention(gaps).stream().limit(10).toList());
            for (int r = 0; r < 2; r++) {
                String component = Replicas.component(WemService.COACHING, r);
                why.append("\n--- ").append(component).append(": warnings and errors during the test\n")
                        .append(String.join("\n", GapBacklog.problems(component, coachingLogs.get(r), 60)));
            }
            throw new AssertionError(why.toString(), e);
        }
        System.out.println("ReplicasIT: " + gaps.size() + " gaps became interventions " + Duration.between(started,
                Instant.now()).toSeconds() + " s after the last was published; slowest seconds from publication: "
                + GapBacklog.secondsToIntervention(gaps).stream().limit(5).toList());
        List<Map<String, Object>> doubled = Db.rows("wem_coaching",
                "select agent_id, count(*) as n from intervention where agent_id = any(?) group by agent_id having count(*) > 1",
                (Object) agents.toArray(String[]::new));
        assertTrue(doubled.isEmpty(), "duplicated interventions: " + doubled);
        assertEquals(gaps.size(), count("wem_coaching", "intervention", "agent_id", agents), "interventions");
    }

    /**
     * Each intervention passes the wellbeing guardrail (coaching's scheduler on either replica asks wellbeing, either
     * replica answers): it leaves AWAITING_GUARDRAIL with a decision that wellbeing holds, and wellbeing counts the
     * action for the agent's intensity at most once.
     */
    private static void assertGuardrailDecidedOnce(List<GapBacklog.Gap> gaps) {
        String[] agents = gaps.stream().map(GapBacklog.Gap::agentId).toArray(String[]::new);
        await("every intervention past the guardrail").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Db.count("wem_coaching", "select count(*) from intervention where agent_id = any(?) and "
                        + "(state in ('PROPOSED', 'AWAITING_GUARDRAIL') or guardrail_decision_id is null)",
                        (Object) agents) == 0);
        List<String> decisions = Db.rows("wem_coaching", "select guardrail_decision_id as d from intervention where "
                + "agent_id = any(?)", (Object) agents).stream().map(r -> (String) r.get("d")).toList();
        assertEquals(gaps.size(), Set.copyOf(decisions).size(), "one distinct guardrail decision per intervention");
        assertEquals(gaps.size(), count("wem_wellbeing", "guardrail_decision", "decision_id", decisions),
                "decisions coaching recorded that wellbeing does not hold");
        List<Map<String, Object>> doubleCounted = Db.rows("wem_wellbeing", "select agent_id, count(*) as n from "
                + "guardrail_decision where agent_id = any(?) and counted group by agent_id having count(*) > 1",
                (Object) agents);
        assertTrue(doubleCounted.isEmpty(), "an agent's coaching counted twice: " + doubleCounted);
        // each decision reaches the audit log once (its id is the audit id), in the name of coaching-service's account
        await("every guardrail decision in the audit log").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Db.count("wem_governance", "select count(*) from audit_entry where audit_id = any(?) "
                        + "and service = 'wellbeing-service' and actor in ('coaching-service', 'service-account-coaching-service')",
                        (Object) decisions.toArray(String[]::new)) == gaps.size());
    }

    private static void verifyAudit(int replica, int times) {
        for (int i = 0; i < times; i++) {
            given().baseUri(Replicas.url(WemService.GOVERNANCE, replica + i)).auth().oauth2(Tokens.user("ciso1").raw())
                    .get("/api/v1/audit/verify").then().statusCode(200);
        }
    }

    private static void assertAuditChainValid() {
        for (int replica = 0; replica < 2; replica++) {
            JsonNode verify = JsonTree.parse(given().baseUri(Replicas.url(WemService.GOVERNANCE, replica)).auth()
                    .oauth2(Tokens.user("ciso1").raw()).get("/api/v1/audit/verify").then().statusCode(200)
                    .extract().asString());
            assertTrue(verify.path("valid").asBoolean(), "audit chain broken (replica " + replica + "): " + verify);
        }
    }

    private static long activitiesOf(Map<TopicPartition, Long> mark, Set<String> agents) {
        Map<String, Integer> ids = new ConcurrentHashMap<>();
        KafkaTool.readSince(mark, (key, value) -> {
            if (agents.contains(key)) {
                ids.merge(JsonTree.parse(value).path("id").asText(), 1, Integer::sum);
            }
        });
        return ids.size();
    }
}
