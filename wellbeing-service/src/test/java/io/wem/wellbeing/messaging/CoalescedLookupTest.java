package io.wem.wellbeing.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

class CoalescedLookupTest {

    /** A lookup the test completes by hand: which keys each call carried, in order. */
    static final class Manual {
        final List<Set<String>> calls = new ArrayList<>();
        final List<CompletableFuture<Map<String, Long>>> answers = new ArrayList<>();

        synchronized CompletableFuture<Map<String, Long>> call(Set<String> keys) {
            calls.add(keys);
            CompletableFuture<Map<String, Long>> f = new CompletableFuture<>();
            answers.add(f);
            return f;
        }

        void answer(int call, long value) {
            Map<String, Long> m = new HashMap<>();
            calls.get(call).forEach(k -> m.put(k, value));
            answers.get(call).complete(m);
        }
    }

    @Test
    void callersWhoAskWhileALookupRunsShareTheNextOneAndNeverGetTheOlderAnswer() throws Exception {
        Manual lookup = new Manual();
        CoalescedLookup<String, Long> c = new CoalescedLookup<>(1, lookup::call);
        CompletableFuture<Long> first = c.get("p0");
        assertEquals(1, lookup.calls.size());
        List<CompletableFuture<Long>> later = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            later.add(c.get("p" + (i % 7)));
        }
        assertEquals(1, lookup.calls.size(), "a second lookup started while one was in flight");
        lookup.answer(0, 100);
        assertEquals(100, first.get(1, TimeUnit.SECONDS));
        assertEquals(2, lookup.calls.size());
        assertEquals(Set.of("p0", "p1", "p2", "p3", "p4", "p5", "p6"), lookup.calls.get(1), "one call for every key");
        assertTrue(later.stream().noneMatch(CompletableFuture::isDone), "answered from a lookup older than the question");
        lookup.answer(1, 200);
        for (CompletableFuture<Long> f : later) {
            assertEquals(200, f.get(1, TimeUnit.SECONDS));
        }
        assertEquals(2, lookup.calls.size(), "nobody waiting: no third lookup");
        CompletableFuture<Long> afterwards = c.get("p9");
        assertEquals(3, lookup.calls.size(), "an idle lookup starts at once");
        lookup.answer(2, 300);
        assertEquals(300, afterwards.get(1, TimeUnit.SECONDS));
    }

    @Test
    void aFailedLookupFailsItsCallersAndTheNextOneStillRuns() throws Exception {
        Manual lookup = new Manual();
        CoalescedLookup<String, Long> c = new CoalescedLookup<>(1, lookup::call);
        CompletableFuture<Long> failing = c.get("p0");
        CompletableFuture<Long> next = c.get("p1");
        lookup.answers.get(0).completeExceptionally(new IllegalStateException("broker gone"));
        assertThrows(ExecutionException.class, () -> failing.get(1, TimeUnit.SECONDS));
        assertEquals(2, lookup.calls.size());
        lookup.answer(1, 7);
        assertEquals(7, next.get(1, TimeUnit.SECONDS));
        // a lookup that answers without the key is a failure for that caller, not a null
        CompletableFuture<Long> missing = c.get("p2");
        lookup.answers.get(2).complete(Map.of());
        assertThrows(ExecutionException.class, () -> missing.get(1, TimeUnit.SECONDS));
        // a lookup that throws instead of failing its future
        CoalescedLookup<String, Long> throwing = new CoalescedLookup<>(1, keys -> {
            throw new IllegalStateException("no admin client");
        });
        assertThrows(ExecutionException.class, () -> throwing.get("p0").get(1, TimeUnit.SECONDS));
    }

    /**
     * Under concurrency: every answer comes from a lookup that started after its caller asked, and no more lookups
     * run at once than allowed. The lookup answers the number of lookups started so far, as a clock.
     */
    @Test
    void aFewLookupsMayRunAtOnceButEachCallerWaitsForOneThatStartedAfterItAsked() throws Exception {
        Manual lookup = new Manual();
        CoalescedLookup<String, Long> c = new CoalescedLookup<>(2, lookup::call);
        CompletableFuture<Long> a = c.get("p0");
        CompletableFuture<Long> b = c.get("p1");
        assertEquals(2, lookup.calls.size(), "a second slot is used at once");
        CompletableFuture<Long> d = c.get("p2");
        CompletableFuture<Long> e = c.get("p3");
        assertEquals(2, lookup.calls.size(), "no third lookup while two run");
        lookup.answer(1, 20);
        assertEquals(20, b.get(1, TimeUnit.SECONDS));
        assertEquals(3, lookup.calls.size());
        assertEquals(Set.of("p2", "p3"), lookup.calls.get(2));
        lookup.answer(0, 10);
        assertEquals(10, a.get(1, TimeUnit.SECONDS));
        assertTrue(!d.isDone() && !e.isDone(), "answered by a lookup that started before they asked");
        assertEquals(3, lookup.calls.size(), "nobody left waiting: no fourth lookup");
        lookup.answer(2, 30);
        assertEquals(30, d.get(1, TimeUnit.SECONDS));
        assertEquals(30, e.get(1, TimeUnit.SECONDS));
    }

    @Test
    void underLoadEveryAnswerIsNewerThanItsQuestionAndLookupsStayWithinTheirBound() throws Exception {
        AtomicLong started = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        ExecutorService remote = Executors.newSingleThreadScheduledExecutor();
        CoalescedLookup<String, Long> c = new CoalescedLookup<>(3, keys -> {
            long at = started.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<Map<String, Long>> f = new CompletableFuture<>();
            ((java.util.concurrent.ScheduledExecutorService) remote).schedule(() -> {
                inFlight.decrementAndGet();
                Map<String, Long> m = new HashMap<>();
                keys.forEach(k -> m.put(k, at));
                f.complete(m);
            }, 2, TimeUnit.MILLISECONDS);
            return f;
        });
        ExecutorService callers = Executors.newFixedThreadPool(16);
        List<Future<long[]>> results = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String key = "p" + (i % 5);
            results.add(callers.submit(() -> {
                long before = started.get();
                return new long[]{before, c.get(key).get(5, TimeUnit.SECONDS)};
            }));
        }
        for (Future<long[]> r : results) {
            long[] x = r.get(30, TimeUnit.SECONDS);
            assertTrue(x[1] > x[0], "answered by lookup " + x[1] + ", asked after lookup " + x[0] + " had started");
        }
        callers.shutdown();
        remote.shutdown();
        assertTrue(maxInFlight.get() <= 3, "more lookups at once than allowed: " + maxInFlight.get());
        assertTrue(started.get() < 2000, "no coalescing: " + started.get() + " lookups for 2000 callers");
    }
}
