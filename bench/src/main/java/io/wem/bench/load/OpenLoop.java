package io.wem.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop HTTP load: request i is due at t0 + i / rate whether or not earlier ones have answered, and its latency
 * is measured from that due time (so a stalled server shows up in the percentiles instead of slowing the load down:
 * no coordinated omission). Bounded in count, time and in-flight requests; loopback only.
 */
public final class OpenLoop {

    public record Result(int sent, int ok, int errors, int dropped, Map<Integer, Integer> statuses, double seconds,
                         Latencies latencies) {
        public double achievedRate() {
            return ok / seconds;
        }
    }

    public static Result run(HttpClient http, double ratePerSecond, int count, double maxSeconds, int maxInFlight,
                             IntFunction<HttpRequest> request) throws InterruptedException {
        Latencies lat = new Latencies(count);
        Map<Integer, Integer> statuses = new TreeMap<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        int dropped = 0;
        int sent = 0;
        Semaphore inFlight = new Semaphore(maxInFlight);
        CountDownLatch done = new CountDownLatch(count);
        long interval = (long) (1e9 / ratePerSecond);
        long t0 = System.nanoTime();
        long end = t0 + (long) (maxSeconds * 1e9);
        for (int i = 0; i < count; i++) {
            long due = t0 + i * interval;
            if (due > end) {
                for (int k = i; k < count; k++) {
                    done.countDown();
                }
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                dropped++; // the server is this far behind: count it, do not queue unboundedly
                done.countDown();
                continue;
            }
            sent++;
            http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                long now = System.nanoTime();
                inFlight.release();
                if (e != null) {
                    errors.incrementAndGet();
                } else {
                    synchronized (statuses) {
                        statuses.merge(r.statusCode(), 1, Integer::sum);
                    }
                    if (r.statusCode() / 100 == 2) {
                        ok.incrementAndGet();
                        lat.add(now - due);
                    } else {
                        errors.incrementAndGet();
                    }
                }
                done.countDown();
            });
        }
        done.await(Math.max(5, (long) maxSeconds) + 30, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Result(sent, ok.get(), errors.get(), dropped, statuses, secs, lat);
    }
}
