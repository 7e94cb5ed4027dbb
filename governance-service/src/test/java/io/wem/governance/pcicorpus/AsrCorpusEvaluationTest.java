package io.wem.governance.pcicorpus;

import io.wem.governance.pcicorpus.Corpus.Case;
import io.wem.governance.pcicorpus.Corpus.Secret;
import io.wem.governance.pcicorpus.Corpus.SecretKind;
import io.wem.governance.service.RedactionService;
import io.wem.testing.pci.SpokenDigitReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine on a second, independent model of speech ({@link AsrCorpusGenerator}: what a recogniser writes), through
 * the same entry point as {@code POST /api/v1/redactions}. Prints the per-category table (Wilson 95 % intervals) and
 * writes it to {@code target/pci-corpus/asr-report.md}.
 */
class AsrCorpusEvaluationTest {

    static final long SEED = Long.getLong("wem.pci.asr-seed", 7001L);
    static final int PER_CATEGORY = Integer.getInteger("wem.pci.asr-per-category", 400);

    @Test
    void the_engine_on_recogniser_output() throws IOException {
        List<Case> corpus = new AsrCorpusGenerator(SEED).generate(PER_CATEGORY);
        // the yardstick first: the leak reader must read every generated card back from the unredacted text
        List<String> unread = new ArrayList<>();
        for (Case c : corpus) {
            String said = c.turns().stream().filter(t -> t.speaker().equals(AsrCorpusGenerator.CALLER))
                    .map(Corpus.Turn::text).reduce("", (a, b) -> a + " " + b);
            Set<String> readable = SpokenDigitReader.windows(said, Evaluation.LEAK_WINDOW);
            for (Secret s : c.secrets()) {
                for (int i = 0; i + Evaluation.LEAK_WINDOW <= s.digits().length(); i++) {
                    if (!readable.contains(s.digits().substring(i, i + Evaluation.LEAK_WINDOW))) {
                        unread.add(c.category() + " " + said);
                        break;
                    }
                }
            }
        }
        RedactionService service = PciCorpusEvaluationTest.service();
        Evaluation eval = new Evaluation();
        PciCorpusEvaluationTest.scoreConversations(service, corpus, eval);
        String report = "ASR model, seed " + SEED + ", " + corpus.size() + " cases (" + PER_CATEGORY
                + " per category); cards the leak reader cannot read back from the unredacted text: " + unread.size()
                + "\n\n" + eval.table() + "\nExamples of misses and leaks (at most 3 per category):\n\n"
                + String.join("\n", eval.examples.stream().map(e -> "- " + e).toList())
                + "\n\nExamples of findings on harmless text (at most 3 per category):\n\n"
                + String.join("\n", eval.falsePositiveExamples.stream().map(e -> "- " + e).toList()) + "\n";
        Path out = Path.of("target", "pci-corpus", "asr-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("PCI corpus evaluation, ASR model, written to " + out.toAbsolutePath() + "\n" + report);
        assertEquals(List.of(), unread.stream().limit(5).toList(), "cards the leak reader cannot read back");
        assertTrue(eval.all.total[SecretKind.PAN.ordinal()] >= 4 * PER_CATEGORY - 1, "cards generated");
    }
}
