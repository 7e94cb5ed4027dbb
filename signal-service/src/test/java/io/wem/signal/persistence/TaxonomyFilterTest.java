package io.wem.signal.persistence;

import io.wem.common.contracts.BuiltInBehaviors;
import io.wem.signal.config.SignalConfig;
import io.wem.signal.domain.Behavior;
import io.wem.signal.domain.BuiltIns;
import io.wem.signal.domain.Taxonomy;
import io.wem.signal.domain.TaxonomyTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository reads a category through the organisation's names (the taxonomy from configuration), and
 * PostgreSQL normalises a stored reason exactly as {@link Taxonomy#normalise} does (the SQL mirrors it by hand).
 */
class TaxonomyFilterTest {

    static ObservationRepository repository(Map<String, String> contactReasons) {
        ObservationRepository repo = new ObservationRepository();
        repo.config = new SignalConfig() {
            @Override
            public Ingest ingest() {
                return null;
            }

            @Override
            public Detection detection() {
                return null;
            }

            @Override
            public TaxonomyNames taxonomy() {
                return new TaxonomyNames() {
                    @Override
                    public Map<String, String> contactReason() {
                        return contactReasons;
                    }

                    @Override
                    public Map<String, String> queue() {
                        return Map.of();
                    }

                    @Override
                    public Map<String, String> channel() {
                        return Map.of();
                    }
                };
            }
        };
        return repo;
    }

    @Test
    void theComplaintBehaviorReadsTheOrganisationsOwnNames() {
        Random r = new Random(20261204);
        String a = TaxonomyTest.word(r) + " " + TaxonomyTest.word(r);
        String b = TaxonomyTest.word(r).toUpperCase();
        ObservationRepository repo = repository(Map.of("complaint", a + ", " + b));
        Behavior empathy = BuiltIns.all().stream().filter(x -> x.id().equals(BuiltInBehaviors.COMPLAINT_EMPATHY))
                .findFirst().orElseThrow();
        ObservationRepository.Source s = repo.source(empathy);
        assertTrue(s.where().stream().anyMatch(w -> w.contains("contact_reason")), s.where().toString());
        assertTrue(s.params().containsAll(Set.of("complaint", Taxonomy.normalise(a), Taxonomy.normalise(b))),
                s.params().toString());
    }

    @Test
    void postgresNormalisesAsTheTaxonomyDoes() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/wem_signal_test"
                + System.getenv().getOrDefault("WEM_TEST_DB_SUFFIX", "");
        Random r = new Random(7);
        try (Connection c = DriverManager.getConnection(url, "wem_signal", "wem_signal");
             PreparedStatement ps = c.prepareStatement("SELECT " + Taxonomy.sql("?"))) {
            for (int k = 0; k < 200; k++) {
                String name = TaxonomyTest.variant(r, TaxonomyTest.word(r) + "-" + TaxonomyTest.word(r))
                        + (r.nextBoolean() ? "\t" : "") + (r.nextBoolean() ? "__x  -y\n" : "") + (r.nextBoolean() ? "_" : "");
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(Taxonomy.normalise(name), rs.getString(1), "'" + name + "'");
                }
            }
        }
    }
}
