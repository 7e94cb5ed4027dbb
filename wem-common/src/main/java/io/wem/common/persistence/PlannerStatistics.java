package io.wem.common.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Keeps the query planner's statistics of this service's tables current: every few seconds it runs ANALYZE on the
 * tables whose rows changed by more than {@code wem.db.analyze-changed-share} (plus a floor) since their last
 * analyze. PostgreSQL's autovacuum does the same when it is on, but it may be off (it is off on the machines this
 * suite is developed on) and even when on it wakes once a minute: a bulk load into a table analyzed while empty
 * then runs under "0 rows" estimates, and the planner's nested loops over thousands of rows turned 5 ms queries
 * into 16 s ones during the demo's replay. ANALYZE samples a bounded number of rows, so this stays cheap.
 */
@ApplicationScoped
public class PlannerStatistics {
    private static final Logger LOG = Logger.getLogger(PlannerStatistics.class);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "wem.db.analyze-changed-share", defaultValue = "0.1")
    double changedShare;

    @ConfigProperty(name = "wem.db.analyze-min-changed-rows", defaultValue = "500")
    long minChangedRows;

    @Scheduled(every = "${wem.db.analyze-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        try {
            for (String table : staleTables()) {
                // One short transaction per table: ANALYZE takes a lock that only conflicts with schema changes.
                QuarkusTransaction.requiringNew().run(() ->
                        em.createNativeQuery("ANALYZE " + quoted(table)).executeUpdate());
            }
        } catch (RuntimeException e) {
            LOG.warnf("planner statistics not refreshed: %s", e.getMessage());
        }
    }

    /** Tables of the current schema changed by more than the threshold since they were last analyzed. */
    @SuppressWarnings("unchecked")
    List<String> staleTables() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                                + "AND n_mod_since_analyze > ?1 + ?2 * n_live_tup ORDER BY n_mod_since_analyze DESC")
                .setParameter(1, minChangedRows).setParameter(2, changedShare).getResultList());
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
