package io.wem.wellbeing.messaging;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Many callers' lookups as few remote calls, without an answer older than the question ("group commit"). A caller's
 * key joins the next lookup not yet started; it starts at once while fewer than {@code maxInFlight} are running, else
 * when one of them ends, so every caller is answered by a lookup that started after they asked. Each lookup carries
 * every key waiting. A few may run at once so that, at low load, a caller does not wait for a whole lookup that was
 * already under way before its own starts.
 * <p>
 * Made for the guardrail's read-your-writes: every evaluation needs the end offset of its agent's partition as it
 * was when the evaluation came. One admin call per evaluation queued behind Kafka's single admin thread (at 500
 * evaluations/s the wait was most of each answer); one call per round trip answers them all.
 */
public final class CoalescedLookup<K, V> {
    private final Function<Set<K>, CompletableFuture<Map<K, V>>> lookup;
    private final int maxInFlight;
    private Set<K> waitingKeys = new HashSet<>();
    private CompletableFuture<Map<K, V>> waiting;
    private int running;

    public CoalescedLookup(int maxInFlight, Function<Set<K>, CompletableFuture<Map<K, V>>> lookup) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.maxInFlight = maxInFlight;
        this.lookup = lookup;
    }

    /** The value of {@code key} from a lookup that starts after this call. */
    public CompletableFuture<V> get(K key) {
        CompletableFuture<Map<K, V>> batch;
        boolean start;
        synchronized (this) {
            if (waiting == null) {
                waiting = new CompletableFuture<>();
            }
            waitingKeys.add(key);
            batch = waiting;
            start = running < maxInFlight;
            if (start) {
                running++;
            }
        }
        if (start) {
            launch();
        }
        return batch.thenApply(values -> {
            V v = values.get(key);
            if (v == null) {
                throw new IllegalStateException("the lookup did not answer " + key);
            }
            return v;
        });
    }

    private void launch() {
        Set<K> keys;
        CompletableFuture<Map<K, V>> batch;
        synchronized (this) {
            if (waiting == null) {
                // another launch took the waiting keys with it: this slot is not needed
                running--;
                return;
            }
            keys = waitingKeys;
            batch = waiting;
            waitingKeys = new HashSet<>();
            waiting = null;
        }
        CompletableFuture<Map<K, V>> call;
        try {
            call = lookup.apply(Set.copyOf(keys));
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((values, failure) -> {
            // The next batch is started before this one's callers run on: they may ask again at once.
            boolean next;
            synchronized (this) {
                next = waiting != null;
                if (!next) {
                    running--;
                }
            }
            if (next) {
                launch();
            }
            if (failure != null) {
                batch.completeExceptionally(failure);
            } else {
                batch.complete(new HashMap<>(values));
            }
        });
    }
}
