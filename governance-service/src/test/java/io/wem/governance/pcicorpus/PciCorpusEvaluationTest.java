package io.wem.governance.pcicorpus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wem.common.contracts.RedactionRequest;
import io.wem.common.contracts.RedactionResponse;
import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.pcicorpus.Corpus.Case;
import io.wem.governance.pcicorpus.Corpus.Secret;
import io.wem.governance.pcicorpus.Corpus.SecretKind;
import io.wem.governance.service.RedactionService;
import io.wem.testing.pci.SpokenDigitReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Independent evaluation of PCI redaction (issue #13): a generated corpus that shares no code and no word lists
 * with the engine, sent through the same entry point as {@code POST /api/v1/redactions} (texts as texts,
 * transcripts as conversations). Prints the per-category table and writes it to
 * {@code target/pci-corpus/report.md}, then asserts the issue's bar.
 */
class PciCorpusEvaluationTest {

    /** The tuning seed; {@code -Dwem.pci.seed=} runs another (held-out) seed. */
    static final long SEED = Long.getLong("wem.pci.seed", 20261204L);
    static final int PER_CATEGORY = 900;
    static final double MIN_RECALL = 0.99;
    static final double MIN_PRECISION = 0.95;

    static List<Case> corpus;

    @BeforeAll
    static void generate() {
        corpus = new CorpusGenerator(SEED).generate(PER_CATEGORY);
    }

    /**
     * The yardstick first: from the unredacted text the reader must read every 5 digits of every card number, and
     * the leak check must flag every card number, or it would be blind to what it is meant to catch.
     */
    @Test
    void the_leak_reader_reads_every_generated_card_number_back() {
        int pans = 0;
        List<String> unread = new ArrayList<>();
        for (Case c : corpus) {
            List<RedactionResponse.Result> identity = new ArrayList<>();
            c.turns().forEach(t -> identity.add(new RedactionResponse.Result(t.text(), List.of())));
            Map<String, Set<String>> newlyReadable = Evaluation.newlyReadable(c, identity);
            for (Secret s : c.secrets()) {
                if (s.kind() != SecretKind.PAN) {
                    continue;
                }
                pans++;
                String said = c.turns().stream().filter(t -> t.speaker().equals(CorpusGenerator.CUSTOMER))
                        .map(Corpus.Turn::text).reduce("", (a, b) -> a + " " + b);
                Set<String> readable = SpokenDigitReader.windows(said, Evaluation.LEAK_WINDOW);
                for (int i = 0; i + Evaluation.LEAK_WINDOW <= s.digits().length(); i++) {
                    String w = s.digits().substring(i, i + Evaluation.LEAK_WINDOW);
                    if (!readable.contains(w) && unread.size() < 10) {
                        unread.add(c.category() + " " + s.digits() + " window " + w + ": " + c.turns());
                        break;
                    }
                }
                if (!Evaluation.leaks(s.digits(), newlyReadable) && unread.size() < 10) {
                    unread.add(c.category() + " " + s.digits() + " not flagged as leaked: " + c.turns());
                }
            }
        }
        assertTrue(corpus.size() >= 20_000, "at least 20,000 cases, got " + corpus.size());
        assertTrue(pans > 15_000, "card numbers in the corpus: " + pans);
        assertEquals(List.of(), unread, "card numbers the reader cannot read back from the unredacted text");
    }

    @Test
    void the_engine_meets_the_bar_of_issue_13_on_every_category() throws IOException {
        RedactionService service = service();
        Evaluation eval = new Evaluation();
        List<Case> texts = corpus.stream().filter(c -> !c.conversation()).toList();
        List<Case> conversations = corpus.stream().filter(Case::conversation).toList();
        for (int from = 0; from < texts.size(); from += 500) {
            List<Case> batch = texts.subList(from, Math.min(texts.size(), from + 500));
            RedactionResponse r = service.redact(new RedactionRequest(
                    batch.stream().map(c -> c.turns().get(0).text()).toList(), null, false));
            for (int i = 0; i < batch.size(); i++) {
                eval.score(batch.get(i), List.of(r.results().get(i)));
            }
        }
        scoreConversations(service, conversations, eval);
        String report = "Seed " + SEED + ", " + corpus.size() + " cases (" + PER_CATEGORY + " per category).\n\n"
                + eval.table() + "\nExamples of misses and leaks (at most 3 per category):\n\n"
                + String.join("\n", eval.examples.stream().map(e -> "- " + e).toList())
                + "\n\nExamples of findings on harmless text (at most 3 per category):\n\n"
                + String.join("\n", eval.falsePositiveExamples.stream().map(e -> "- " + e).toList()) + "\n";
        Path out = Path.of("target", "pci-corpus", "report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("PCI corpus evaluation (issue #13), written to " + out.toAbsolutePath() + "\n" + report);

        // What the engine achieves today (measured 2026-12-04 on the tuning seeds 20261204 and 1-5 and on 60 seeds
        // never looked at while tuning, 101-120, 201-220 and 301-320: PAN recall >= 0.999, no card number readable
        // after redaction, CVV and expiry recall 1.000, precision >= 0.996, at most 36 of 1,800 harmless cases
        // flagged, long-transcript precision >= 0.960; docs/governance.md): a regression fails the build, on any seed.
        Evaluation.Tally all = eval.all;
        assertAll("no regression below today's measured figures (see the table printed above)",
                () -> assertTrue(all.recall(SecretKind.PAN) >= 0.999, "PAN recall " + all.recall(SecretKind.PAN)),
                () -> assertEquals(0, all.panLeaks, all.panLeaks + " card numbers still readable"),
                () -> assertTrue(all.recall(SecretKind.CVV) >= 0.995, "CVV recall " + all.recall(SecretKind.CVV)),
                () -> assertTrue(all.recall(SecretKind.EXPIRY) >= 0.995, "expiry recall " + all.recall(SecretKind.EXPIRY)),
                () -> assertTrue(all.precision() >= 0.993, "precision " + all.precision()),
                () -> assertTrue(all.negativeCasesFlagged <= 60,
                        all.negativeCasesFlagged + " of " + all.negativeCases + " harmless cases flagged"));

        // THE BAR OF ISSUE #13 (recall >= 0.99 and zero leaks in every category, precision >= 0.95, at most 5 % of
        // harmless cases flagged), per category: met on every seed measured (lowest long-transcript precision 0.960).
        List<Executable> bar = new ArrayList<>();
        for (var e : eval.byCategory.entrySet()) {
            Evaluation.Tally t = e.getValue();
            String cat = e.getKey();
            for (SecretKind k : SecretKind.values()) {
                if (t.total[k.ordinal()] > 0) {
                    bar.add(() -> assertTrue(t.recall(k) >= MIN_RECALL, cat + ": " + k + " recall " + t.recall(k)));
                }
            }
            bar.add(() -> assertEquals(0, t.panLeaks, cat + ": card numbers still readable after redaction"));
            if (t.negativeCases == 0 && t.findings() > 0) {
                bar.add(() -> assertTrue(t.precision() >= MIN_PRECISION, cat + ": precision " + t.precision()));
            }
            if (t.negativeCases > 0) {
                bar.add(() -> assertTrue(t.negativeCasesFlagged <= (1 - MIN_PRECISION) * t.negativeCases,
                        cat + ": " + t.negativeCasesFlagged + " of " + t.negativeCases + " harmless cases flagged"));
            }
        }
        bar.add(() -> assertTrue(eval.all.precision() >= MIN_PRECISION, "overall precision " + eval.all.precision()));
        assertAll("issue #13 bar (see the table printed above)", bar);
    }

    /** Sends the cases as conversations, 100 per request as a client would, and scores each answer. */
    static void scoreConversations(RedactionService service, List<Case> conversations, Evaluation eval) {
        for (int from = 0; from < conversations.size(); from += 100) {
            List<Case> batch = conversations.subList(from, Math.min(conversations.size(), from + 100));
            RedactionResponse r = service.redact(new RedactionRequest(null, batch.stream()
                    .map(c -> new RedactionRequest.Conversation(c.turns().stream()
                            .map(t -> new RedactionRequest.Turn(t.speaker(), t.text())).toList()))
                    .toList(), false));
            for (int i = 0; i < batch.size(); i++) {
                eval.score(batch.get(i), r.conversations().get(i).turns());
            }
        }
    }

    /** The service as the REST resource uses it, with generous limits and a throwaway meter registry. */
    static RedactionService service() {
        GovernanceConfig.Redaction limits = (GovernanceConfig.Redaction) Proxy.newProxyInstance(
                PciCorpusEvaluationTest.class.getClassLoader(), new Class<?>[] {GovernanceConfig.Redaction.class},
                (p, m, a) -> switch (m.getName()) {
                    case "maxTexts" -> Integer.MAX_VALUE;
                    case "maxBytes" -> Long.MAX_VALUE;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        GovernanceConfig config = (GovernanceConfig) Proxy.newProxyInstance(
                PciCorpusEvaluationTest.class.getClassLoader(), new Class<?>[] {GovernanceConfig.class},
                (p, m, a) -> {
                    if (m.getName().equals("redaction")) {
                        return limits;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        RedactionService service = new RedactionService();
        try {
            for (Field f : RedactionService.class.getDeclaredFields()) {
                if (f.getType() == GovernanceConfig.class) {
                    f.setAccessible(true);
                    f.set(service, config);
                } else if (f.getType() == MeterRegistry.class) {
                    f.setAccessible(true);
                    f.set(service, new SimpleMeterRegistry());
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return service;
    }
}
