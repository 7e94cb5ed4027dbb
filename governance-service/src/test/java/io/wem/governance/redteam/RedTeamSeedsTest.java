package io.wem.governance.redteam;

import io.wem.governance.domain.redaction.PciRedactor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The red-team corpus on seeds other than the tuning seed. The seeds were drawn at random and written down before any
 * result on them was seen (issue #13): the "exploration" seeds were then used to find failure shapes and fix the
 * engine; the "held-out" seeds were run only after those fixes, for the reported figures. A run on other seeds:
 * {@code -Dredteam.seeds=1,2,3}. The pooled report lands in target/redteam-seeds-report.txt.
 */
class RedTeamSeedsTest {

    /** Drawn 2026-12-05 00:44 UTC (Python secrets.randbelow(2^31)); used to find and fix failure shapes. */
    static final long[] EXPLORATION = {838950401L, 1323015116L, 151784029L, 1406974762L, 1753882259L, 1608090702L,
            1994805568L, 1843454640L, 735264390L, 1968118427L};

    /** Drawn at the same time; run only once the engine changes were done. The figures in docs/governance.md. */
    static final long[] HELD_OUT = {56242447L, 256440685L, 1571545789L, 1181009360L, 1275002564L};

    @Test
    void heldOutSeeds() throws IOException {
        String prop = System.getProperty("redteam.seeds");
        long[] seeds = prop == null || prop.isBlank() ? HELD_OUT
                : "exploration".equals(prop) ? EXPLORATION
                : Arrays.stream(prop.split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray();
        PciRedactor redactor = new PciRedactor();
        RedTeamScore pooled = new RedTeamScore();
        pooled.maxExamples = Integer.getInteger("redteam.examples", 4);
        long t0 = System.nanoTime();
        int n = 0;
        for (long seed : seeds) {
            List<RedTeamCase> cases = new RedTeamGenerator(seed).generate(RedTeamEngineTest.PER_CATEGORY);
            for (RedTeamCase c : cases) {
                pooled.add(c, RedTeamEngineTest.run(redactor, c));
                n++;
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String report = "seeds " + Arrays.toString(seeds) + ", " + n + " cases, " + ms + " ms\n" + pooled.report(true);
        Path out = Path.of("target", "redteam-seeds-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        RedTeamScore.Tally all = pooled.total(pooled.byCategory);
        assertTrue(all.panHitsTrue >= 0.95 * all.panHits, "PAN precision " + all.panHitsTrue + "/" + all.panHits);
        assertEquals(0, all.pansLeaked, "PANs still readable after redaction; see " + out.toAbsolutePath());
        for (var e : pooled.byCategory.entrySet()) {
            RedTeamScore.Tally t = e.getValue();
            if (t.pans > 0) {
                assertTrue(t.pansFound >= 0.99 * t.pans, e.getKey() + " PAN recall " + t.pansFound + "/" + t.pans);
            }
            if (t.pans > 0 && t.panHits > 0) {
                assertTrue(t.panHitsTrue >= 0.95 * t.panHits,
                        e.getKey() + " PAN precision " + t.panHitsTrue + "/" + t.panHits);
            }
            if (t.negatives > 0) {
                // a harmless category has no true PAN finding: its bar is the share of cases flagged
                assertTrue(t.negativesFlagged <= 0.05 * t.negatives,
                        e.getKey() + " harmless cases flagged " + t.negativesFlagged + "/" + t.negatives);
            }
        }
    }
}
