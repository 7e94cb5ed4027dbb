package io.wem.bench.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wem.bench.load.OpenLoop;
import io.wem.bench.stack.Stack;
import io.wem.demo.generator.Signal;
import io.wem.demo.generator.SignalJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The REST figures: batched ingestion throughput, and open-loop latency of an authenticated read and a guardrail call. */
public final class RestBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record IngestResult(long accepted, long duplicates, long refused, int batches, int failed, double seconds,
                               String statuses) {
        public double signalsPerSecond() {
            return (accepted + duplicates) / seconds;
        }
    }

    private final HttpClient http;

    public RestBench() {
        // One client per phase: HTTP/1.1 keep-alive connections to loopback, like an integration's connection pool.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    public HttpClient http() {
        return http;
    }

    /** JSON bodies of POST /api/v1/signals, {@code size} signals each. */
    public static List<String> batches(List<Signal> signals, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < signals.size(); i += size) {
            StringBuilder b = new StringBuilder("{\"signals\":[");
            for (int k = i; k < Math.min(signals.size(), i + size); k++) {
                if (k > i) {
                    b.append(',');
                }
                b.append(SignalJson.toJson(signals.get(k)));
            }
            out.add(b.append("]}").toString());
        }
        return out;
    }

    /**
     * Closed loop, {@code workers} connections each posting the next batch as soon as the previous one answered,
     * until the batches run out or {@code maxSeconds} pass: the service's sustained batch ingestion rate.
     */
    public IngestResult ingest(String token, List<String> bodies, int workers, double maxSeconds) throws InterruptedException {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(bodies);
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        java.util.Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        long t0 = System.nanoTime();
        long end = t0 + (long) (maxSeconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                String body;
                while (System.nanoTime() < end && (body = queue.poll()) != null) {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                        URI.create(Stack.url("signal-service") + "/api/v1/signals"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        statuses.merge(r.statusCode(), 1, Integer::sum);
                        if (r.statusCode() == 202 || r.statusCode() == 503 && r.body().contains("\"accepted\"")) {
                            // 503 = governance could not redact: the batch's structured signals are still stored.
                            JsonNode n = JSON.readTree(r.body());
                            accepted.addAndGet(n.path("accepted").asLong());
                            duplicates.addAndGet(n.path("duplicates").asLong());
                            refused.addAndGet(n.path("refusedEventIds").size());
                            batches.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "bench-rest-ingest-" + w);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new IngestResult(accepted.get(), duplicates.get(), refused.get(), batches.get(), failed.get(), secs,
                statuses.toString());
    }

    public OpenLoop.Result get(String url, String token, double rate, int count, double maxSeconds) throws InterruptedException {
        return OpenLoop.run(http, rate, count, maxSeconds, 512, i -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b.build();
        });
    }

    /** Guardrail evaluations for {@code agents} distinct (bench) agents in rotation, as coaching-service sends them. */
    public OpenLoop.Result guardrail(String token, String runId, int agents, double rate, int count, double maxSeconds)
            throws InterruptedException {
        return OpenLoop.run(http, rate, count, maxSeconds, 512, i -> {
            String body = "{\"agentId\":\"agent-" + runId + "-g" + (i % agents) + "\",\"teamId\":\"" + runId
                    + "-guardrail\",\"actionKind\":\"QA_EVALUATION\",\"requester\":\"wem-bench\",\"automated\":false,"
                    + "\"theme\":null,\"reference\":\"" + runId + "-ref-" + i + "\"}";
            return HttpRequest.newBuilder(URI.create(Stack.url("wellbeing-service") + "/api/v1/guardrails/evaluations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        });
    }
}
