package io.wem.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Idempotent consumers: a consumer records each event id it handled in the same transaction as its effects,
 * so a redelivered event is recognised and skipped. Table {@code processed_event} (common migration).
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** True the first time this consumer sees this event id within the current transaction's commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, processed_at) "
                        + "VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * {@link #firstDelivery} for a whole batch in one statement: the ids of {@code eventIds} this consumer sees for
     * the first time (an id repeated within the batch is returned once; the caller handles its first occurrence).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Set<String> firstDeliveries(String consumer, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<Object> inserted = em.createNativeQuery("WITH ins AS (INSERT INTO processed_event "
                        + "(consumer, event_id, processed_at) SELECT ?1, e, now() FROM unnest(CAST(?2 AS text[])) AS u(e) "
                        + "ON CONFLICT DO NOTHING RETURNING event_id) SELECT event_id FROM ins")
                .setParameter(1, consumer)
                .setParameter(2, new LinkedHashSet<>(eventIds).toArray(String[]::new))
                .getResultList();
        Set<String> out = new HashSet<>();
        for (Object o : inserted) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
