package io.wem.common.outbox;

import io.wem.common.events.EventEnvelope;
import io.wem.common.signing.MessageSigning;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Transactional outbox: an event is written in the same transaction as the data change that caused it,
 * and {@link OutboxRelay} publishes it to Kafka after commit. So a database write and its event both happen,
 * or neither does. Types that command deletion or carry evidence are signed here (see TrustPolicy). Table
 * {@code outbox_event} comes from the common migration.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    MessageSigning signing;

    /** Adds an event to publish on {@code topic} (logical name, see Topics) with the given Kafka key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String topic, String key, EventEnvelope event) {
        em.createNativeQuery("INSERT INTO outbox_event (event_id, topic, event_key, payload, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, now())")
                .setParameter(1, event.id())
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, signing.toJson(event))
                .executeUpdate();
    }

    /** Same as {@link #add} but joins the caller's transaction or starts one (for audit records on reads). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void addInAnyTransaction(String topic, String key, EventEnvelope event) {
        add(topic, key, event);
    }
}
