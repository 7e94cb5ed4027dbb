package io.wem.governance.redteam;

import io.wem.governance.domain.redaction.Finding;
import io.wem.governance.domain.redaction.PciRedactor;
import io.wem.governance.domain.redaction.Redaction;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The red team's independent corpus run against the engine at unit level (no Quarkus). The generator and the
 * reader were written blind to the engine; the report (per category, 95 % Wilson intervals) lands in
 * target/redteam-report.txt.
 */
class RedTeamEngineTest {

    static final long SEED = 0x5EED_13L;
    static final int PER_CATEGORY = 700;

    @Test
    void theGeneratorsPansAreReadableAndBlankingThemRemovesThem() {
        // the leak test can only fail if the reader sees every generated PAN in the un-redacted text
        List<RedTeamCase> cases = new RedTeamGenerator(SEED + 1).generate(60);
        int checked = 0;
        for (RedTeamCase c : cases) {
            List<String> original = c.turns.stream().map(RedTeamCase.Turn::text).toList();
            List<String> before = RedTeamScore.streams(c, original);
            List<String> blank = RedTeamScore.streams(c, RedTeamScore.baseline(c));
            for (RedTeamCase.Secret s : c.secrets) {
                if (s.kind() == RedTeamCase.Kind.PAN) {
                    assertTrue(RedTeamScore.leaked(s.digits(), blank, before),
                            c.category + ": the reader does not see " + s.digits() + " in " + original);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000);
    }

    @Test
    void theGeneratorIsSeededAndBigEnough() {
        List<RedTeamCase> a = new RedTeamGenerator(SEED).generate(PER_CATEGORY);
        List<RedTeamCase> b = new RedTeamGenerator(SEED).generate(PER_CATEGORY);
        assertTrue(a.size() >= 20_000, "cases: " + a.size());
        for (int i = 0; i < a.size(); i += 997) {
            assertEquals(a.get(i).turns, b.get(i).turns);
        }
    }

    @Test
    void engineOnTheRedTeamCorpus() throws IOException {
        List<RedTeamCase> cases = new RedTeamGenerator(SEED).generate(PER_CATEGORY);
        PciRedactor redactor = new PciRedactor();
        RedTeamScore score = new RedTeamScore();
        long t0 = System.nanoTime();
        for (RedTeamCase c : cases) {
            score.add(c, run(redactor, c));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String report = "seed " + SEED + ", " + cases.size() + " cases, " + ms + " ms\n" + score.report(true);
        Path out = Path.of("target", "redteam-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        RedTeamScore.Tally all = score.total(score.byCategory);
        assertEquals(0, all.pansLeaked, "PANs still readable after redaction; see " + out.toAbsolutePath());
        for (var e : score.byCategory.entrySet()) {
            RedTeamScore.Tally t = e.getValue();
            if (t.pans > 0) {
                assertTrue(t.pansFound >= 0.99 * t.pans, e.getKey() + " PAN recall " + t.pansFound + "/" + t.pans);
            }
        }
        assertTrue(all.panHitsTrue >= 0.95 * all.panHits, "PAN precision " + all.panHitsTrue + "/" + all.panHits);
    }

    static RedTeamScore.Answer run(PciRedactor redactor, RedTeamCase c) {
        List<Redaction> out;
        if (c.singleText) {
            out = List.of(redactor.redact(c.turns.get(0).text(), false));
        } else {
            List<PciRedactor.Turn> turns = new ArrayList<>();
            for (RedTeamCase.Turn t : c.turns) {
                turns.add(new PciRedactor.Turn(t.speaker(), t.text()));
            }
            out = redactor.redactConversation(turns, false);
        }
        List<String> texts = new ArrayList<>();
        List<RedTeamScore.Hit> hits = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            texts.add(out.get(i).text());
            for (Finding f : out.get(i).findings()) {
                hits.add(new RedTeamScore.Hit(f.type().name(), i, f.start(), f.end()));
            }
        }
        return new RedTeamScore.Answer(texts, hits);
    }
}
