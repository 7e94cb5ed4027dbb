package io.wem.wellbeing.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Per consumer and partition, the next offset not yet recorded (see V60__consumer_position.sql). */
@ApplicationScoped
public class ConsumerPositionRepository {

    @Inject
    EntityManager em;

    /** Moves the position forward (never back: a redelivered older record leaves it where it is). */
    public void advance(String consumer, String topic, int partition, long nextOffset, Instant now) {
        em.createNativeQuery("INSERT INTO consumer_position (consumer, topic, kafka_partition, next_offset, updated_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (consumer, topic, kafka_partition) DO UPDATE SET "
                        + "next_offset = GREATEST(consumer_position.next_offset, EXCLUDED.next_offset), "
                        + "updated_at = EXCLUDED.updated_at")
                .setParameter(1, consumer).setParameter(2, topic).setParameter(3, partition)
                .setParameter(4, nextOffset).setParameter(5, Timestamp.from(now)).executeUpdate();
    }

    /** The next offset not yet recorded; null when nothing of that partition was ever recorded. */
    public Long next(String consumer, String topic, int partition) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("SELECT next_offset FROM consumer_position WHERE consumer = ?1 "
                        + "AND topic = ?2 AND kafka_partition = ?3")
                .setParameter(1, consumer).setParameter(2, topic).setParameter(3, partition).getResultList();
        return rows.isEmpty() ? null : rows.get(0).longValue();
    }
}
