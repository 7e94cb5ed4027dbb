package io.wem.bench.redaction;

import io.wem.governance.domain.redaction.PciRedactor;
import io.wem.governance.domain.redaction.Redaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of the PCI redaction engine against a naive regex-plus-Luhn baseline, single thread, on the same
 * transcript-like text (about 1 MB: call-center utterances, about 1 in 40 with card data, typed or spoken, and
 * many harmless numbers). Each invocation redacts the whole corpus, so MB/s = corpus MB x ops/s (printed at setup).
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" org.openjdk.jmh.Main RedactionBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class RedactionBenchmark {

    /** The classic approach: 13–19 digits with optional separators, then Luhn on each match. */
    static final Pattern NAIVE = Pattern.compile("\\b(?:\\d[ -]*?){13,19}\\b");

    private static final String[] UTTERANCES = {
        "thank you for calling, my name is Sam, how can I help you today?",
        "I was charged twice on my last bill, order 55812 and order 55813",
        "can you confirm the address, it's 221 Baker Street, postcode NW1 6XE",
        "I have been waiting for twenty five minutes and this is the third time I call",
        "the meeting is on 2026-03-14 at 10:30, does that work for you?",
        "my phone number is 555-123-4567, call me back after five",
        "the refund of 49.99 should appear within three to five working days",
        "okay let me put you on hold for one moment while I check the system",
        "ticket 4539148803436467 has been escalated to the second line",
        "event logged at 1732550400000 for agent 17 in team north",
    };
    private static final String[] CARD_UTTERANCES = {
        "sure, my card number is 4111 1111 1111 1111 and it expires twelve twenty seven",
        "it's four one one one, one one one one, one one one one, one one one one",
        "the amex is 3782 822463 10005, security code four three two one",
        "five five five five double five five five, five five five five, four four four four",
    };

    String corpus;
    double megabytes;
    final PciRedactor engine = new PciRedactor();

    @Setup(Level.Trial)
    public void setup() {
        Random rnd = new Random(42);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 1_000_000) {
            String u = rnd.nextInt(40) == 0 ? CARD_UTTERANCES[rnd.nextInt(CARD_UTTERANCES.length)]
                    : UTTERANCES[rnd.nextInt(UTTERANCES.length)];
            sb.append(rnd.nextBoolean() ? "AGENT: " : "CUSTOMER: ").append(u).append('\n');
        }
        corpus = sb.toString();
        megabytes = corpus.getBytes(StandardCharsets.UTF_8).length / 1_000_000.0;
        System.out.printf("%ncorpus: %.3f MB; MB/s = ops/s x %.3f%n", megabytes, megabytes);
    }

    @Benchmark
    public void engine(Blackhole bh) {
        Redaction r = engine.redact(corpus);
        bh.consume(r.findings().size());
        bh.consume(r.text());
    }

    @Benchmark
    public void naiveRegexLuhn(Blackhole bh) {
        Matcher m = NAIVE.matcher(corpus);
        StringBuilder out = new StringBuilder(corpus.length());
        List<int[]> findings = new ArrayList<>();
        int pos = 0;
        while (m.find()) {
            String digits = m.group().replaceAll("[^0-9]", "");
            if (luhn(digits)) {
                findings.add(new int[] {m.start(), m.end()});
                out.append(corpus, pos, m.start()).append("[PAN]");
                pos = m.end();
            }
        }
        out.append(corpus, pos, corpus.length());
        bh.consume(findings.size());
        bh.consume(out.toString());
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int v = digits.charAt(i) - '0';
            if (dbl) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
