package io.wem.coaching.client;

import io.wem.common.contracts.MeasurementSeries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Measurements from signal-service, with timeout, retry and circuit breaker; no fallback (no invented figures). */
@ApplicationScoped
public class Measurements {

    @Inject
    @RestClient
    SignalClient client;

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public MeasurementSeries series(String agentId, String behaviorId, Instant from, Instant to) {
        return client.measurements(agentId, behaviorId, from.toString(), to.toString());
    }
}
