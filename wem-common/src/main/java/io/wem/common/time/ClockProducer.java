package io.wem.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock of each service: deadlines, due times, follow-up windows, detection windows. A single place to
 * replace it, so a test can move time forward without racing the service's own scheduled work.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
