package io.wem.signal.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the system clock, moved forward on request. Lets a test roll detection windows on
 * through the service's own scheduled detection instead of evaluating beside it (which races the scheduler).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class AdjustableClock extends Clock {
    private volatile Duration ahead = Duration.ZERO;

    public void moveAhead(Duration by) {
        ahead = by;
    }

    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service clock is UTC");
    }
}
