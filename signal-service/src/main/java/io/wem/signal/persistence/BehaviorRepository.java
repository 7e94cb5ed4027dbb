package io.wem.signal.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.wem.common.events.Events;
import io.wem.signal.domain.Behavior;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The versioned behavior catalog: rows are never updated, a change is a new (id, version) row. */
@ApplicationScoped
public class BehaviorRepository {

    @Inject
    EntityManager em;

    public record Version(Behavior behavior, String changedBy, Instant changedAt) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(Behavior b, String changedBy) {
        return em.createNativeQuery("INSERT INTO behavior (id, version, definition, changed_by) VALUES (?1, ?2, "
                        + "CAST(?3 AS jsonb), ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, b.id()).setParameter(2, b.version()).setParameter(3, Events.toJson(b))
                .setParameter(4, changedBy).executeUpdate() == 1;
    }

    /** Current version of every behavior. */
    public List<Version> current() {
        return map(em.createNativeQuery("SELECT DISTINCT ON (id) definition::text, changed_by, changed_at FROM behavior "
                + "ORDER BY id, version DESC").getResultList());
    }

    public Optional<Version> current(String id) {
        return map(em.createNativeQuery("SELECT definition::text, changed_by, changed_at FROM behavior WHERE id = ?1 "
                + "ORDER BY version DESC LIMIT 1").setParameter(1, id).getResultList()).stream().findFirst();
    }

    public List<Version> history(String id) {
        return map(em.createNativeQuery("SELECT definition::text, changed_by, changed_at FROM behavior WHERE id = ?1 "
                + "ORDER BY version DESC").setParameter(1, id).getResultList());
    }

    @SuppressWarnings("unchecked")
    private static List<Version> map(List<?> rows) {
        List<Version> out = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            try {
                Behavior b = Events.mapper().readValue((String) r[0], Behavior.class);
                Instant at = r[2] instanceof OffsetDateTime odt ? odt.toInstant()
                        : r[2] instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) r[2];
                out.add(new Version(b, (String) r[1], at));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable behavior definition", e);
            }
        }
        return out;
    }
}
