package io.wem.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Makes a growing dead-letter topic visible in /q/health/ready: always UP (a parked record must not take the
 * service out of rotation), with the number of records parked since start per source topic as details.
 */
@Readiness
@ApplicationScoped
public class DeadLetterHealth implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("dead letters").up();
        long total = 0;
        for (var e : DeadLetterMonitor.counts().entrySet()) {
            b.withData(e.getKey(), e.getValue());
            total += e.getValue();
        }
        return b.withData("total", total).build();
    }
}
