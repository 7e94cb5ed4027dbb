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
 * {@code -Dredteam.seeds=1,2,3} (or {@code exploration}, {@code heldout1}, {@code heldout2}, {@code heldout3}, {@code all}). The pooled report lands in target/redteam-seeds-report.txt.
 */
class RedTeamSeedsTest {

    /** Drawn 2026-12-05 00:44 UTC (Python secrets.randbelow(2^31)); used to find and fix failure shapes. */
    static final long[] EXPLORATION = {838950401L, 1323015116L, 151784029L, 1406974762L, 1753882259L, 1608090702L,
            1994805568L, 1843454640L, 735264390L, 1968118427L};

    /**
     * Drawn at the same time; first run once the engine changes were done (1 leak of 91,000 cards, figures in
     * docs/governance.md). That leak's shape was then fixed, so these seeds are regression seeds now.
     */
    static final long[] HELD_OUT = {56242447L, 256440685L, 1571545789L, 1181009360L, 1275002564L};

    /**
     * Drawn 2026-12-05 01:10 UTC, after that fix, and first run on the engine with it: 2 leaks of 91,000 cards. Both
     * shapes were then fixed (branch pcifix, RedTeamHeldOutShapesTest), so these are regression seeds now, in the
     * default run.
     */
    static final long[] HELD_OUT_2 = {904697490L, 75165152L, 2004404450L, 988858718L, 1126473569L};

    /**
     * Drawn 2026-12-05 06:34 UTC (Python secrets.randbelow(2^31)), after set 2's two leaks were fixed (branch
     * pcifix) and before any run on them; first run once, on that engine (figures in docs/governance.md).
     */
    static final long[] HELD_OUT_3 = {1517325736L, 1135935338L, 226672441L, 1125995387L, 1179204756L};

    @Test
    void heldOutSeeds() throws IOException {
        String prop = System.getProperty("redteam.seeds");
        // by default the first two held-out sets, regression checks now (both were fixed against after their run)
        long[] seeds = prop == null || prop.isBlank() ? concat(HELD_OUT, HELD_OUT_2)
                : "all".equals(prop) ? concat(EXPLORATION, concat(HELD_OUT, concat(HELD_OUT_2, HELD_OUT_3)))
                : "exploration".equals(prop) ? EXPLORATION
                : "heldout1".equals(prop) ? HELD_OUT
                : "heldout2".equals(prop) ? HELD_OUT_2
                : "heldout3".equals(prop) ? HELD_OUT_3
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

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
