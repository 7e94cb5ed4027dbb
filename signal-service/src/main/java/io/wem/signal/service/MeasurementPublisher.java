package io.wem.signal.service;

import io.quarkus.scheduler.Scheduled;
import io.wem.common.contracts.BehaviorMeasurement;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.EventTypes;
import io.wem.common.events.Topics;
import io.wem.common.outbox.Outbox;
import io.wem.signal.domain.Behavior;
import io.wem.signal.domain.Measurements;
import io.wem.signal.domain.Observation;
import io.wem.signal.persistence.ObservationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Publishes one BehaviorMeasurement per agent, behavior and completed UTC day to wem.signal.measurements.v1
 * (beside the team's value), once per day: measurement_run records the days already published, so replicas and
 * restarts do not publish a day twice (and event ids are derived from agent, behavior and day anyway).
 */
@ApplicationScoped
public class MeasurementPublisher {
    private static final Logger LOG = Logger.getLogger(MeasurementPublisher.class);

    @Inject
    EntityManager em;

    @Inject
    ObservationRepository observations;

    @Inject
    BehaviorService behaviors;

    @Inject
    Outbox outbox;

    @Scheduled(every = "${wem.signal.detection.measurements-every:1h}", delayed = "30s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishYesterday() {
        try {
            publish(LocalDate.now(ZoneOffset.UTC).minusDays(1));
        } catch (RuntimeException e) {
            LOG.warnf(e, "measurement publication failed; retried next run");
        }
    }

    /** Publishes the day's measurements unless done before; returns how many were published. */
    @Transactional
    public int publish(LocalDate day) {
        int claimed = em.createNativeQuery("INSERT INTO measurement_run (day) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, day).executeUpdate();
        if (claimed == 0) {
            return 0;
        }
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plusSeconds(86400);
        @SuppressWarnings("unchecked")
        List<String> teams = em.createNativeQuery("SELECT DISTINCT team_id FROM signal_interaction WHERE occurred_at >= ?1 "
                + "AND occurred_at < ?2 UNION SELECT DISTINCT team_id FROM signal_qa_evaluation WHERE occurred_at >= ?1 "
                + "AND occurred_at < ?2 UNION SELECT DISTINCT team_id FROM signal_adherence WHERE occurred_at >= ?1 "
                + "AND occurred_at < ?2").setParameter(1, java.sql.Timestamp.from(from))
                .setParameter(2, java.sql.Timestamp.from(to)).getResultList();
        int n = 0;
        for (String team : teams) {
            for (Behavior b : behaviors.enabled()) {
                List<Observation> obs = observations.observations(b, team, null, from, to);
                Map<String, List<Observation>> byAgent = obs.stream().collect(Collectors.groupingBy(Observation::agentId));
                for (Map.Entry<String, List<Observation>> e : byAgent.entrySet()) {
                    BehaviorMeasurement m = Measurements.total(b, e.getKey(), team, e.getValue(), obs, from, to);
                    String id = UUID.nameUUIDFromBytes(("measurement:" + e.getKey() + ":" + b.id() + ":" + day)
                            .getBytes(StandardCharsets.UTF_8)).toString();
                    outbox.add(Topics.MEASUREMENTS, e.getKey(),
                            EventEnvelope.withId(id, EventTypes.MEASUREMENT, DetectionService.SOURCE, e.getKey(), m));
                    n++;
                }
            }
        }
        LOG.infof("published %d behavior measurements for %s", n, day);
        return n;
    }
}
