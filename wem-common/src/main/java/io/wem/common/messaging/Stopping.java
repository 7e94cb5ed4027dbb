package io.wem.common.messaging;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Whether this process is stopping (SIGTERM, a rolling restart). While it stops, Hibernate's EntityManagerFactory and
 * the connection pool close while the Kafka connector may still hand a consumer records it fetched earlier: a consumer
 * failing then has not failed on the record, and must leave it to the replica that takes over its partition
 * (unacknowledged, so its offset is never committed) instead of dead-lettering it (issue #18: ReplicasIT's SIGTERM
 * wave dead-lettered the gaps coaching-service was handed while stopping).
 */
@ApplicationScoped
public class Stopping {

    private volatile boolean stopping;

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    public boolean now() {
        return stopping || ApplicationLifecycleManager.isVmShuttingDown();
    }
}
