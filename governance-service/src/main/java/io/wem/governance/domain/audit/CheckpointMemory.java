package io.wem.governance.domain.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the checkpoint topic last showed, per chain, so a CISO's verify or export does not wait for Kafka: a background
 * read keeps it fresh, and a request reads the topic itself only when the memory is older than the allowed age.
 * <p>
 * It keeps the newest validly signed checkpoint it has ever been shown and never moves back: a later read that finds
 * fewer records (the topic truncated, unreadable, or a read that timed out) cannot make the service forget evidence it
 * already holds. Checkpoints only ever move forward, so an older one is never better evidence.
 */
public final class CheckpointMemory {
    private record Read(String chainId, Checkpoint newest, Instant at) {
    }

    private volatile Read last;

    /**
     * The remembered checkpoint of {@code chainId} when it was read within {@code maxAge} of {@code now}; empty when the
     * topic must be read (never read, too old, another chain). The inner optional is empty when the topic had none.
     */
    public Optional<Optional<Checkpoint>> fresh(String chainId, Instant now, Duration maxAge) {
        Read r = last;
        if (r == null || !r.chainId().equals(chainId) || maxAge.isNegative() || maxAge.isZero()
                || r.at().plus(maxAge).isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(r.newest()));
    }

    /**
     * Records a read of the topic made at {@code at}; returns the newest checkpoint known for the chain, which is the
     * read's unless an earlier read showed a later one.
     */
    public synchronized Optional<Checkpoint> remember(String chainId, Optional<Checkpoint> read, Instant at) {
        Read r = last;
        Checkpoint known = r != null && r.chainId().equals(chainId) ? r.newest() : null;
        Checkpoint newest = read.filter(c -> known == null || c.sequence() >= known.sequence()).orElse(known);
        last = new Read(chainId, newest, at);
        return Optional.ofNullable(newest);
    }
}
