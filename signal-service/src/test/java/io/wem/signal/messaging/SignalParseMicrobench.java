package io.wem.signal.messaging;

import io.wem.common.events.Events;
import io.wem.signal.api.Signal;
import io.wem.signal.support.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plain microbenchmark (not JMH, so only indicative): records read per second, the old two-pass read (envelope with
 * a JSON tree, then tree → signal) against {@link SignalRecords#read}. Off by default; run with
 * {@code ./mvnw -B -q -o -pl signal-service test -Dtest=SignalParseMicrobench -Dwem.microbench=true}.
 */
@EnabledIfSystemProperty(named = "wem.microbench", matches = "true")
class SignalParseMicrobench {

    @Test
    void oneParseAgainstTwo() {
        Instant at = Instant.parse("2026-11-25T09:14:00Z");
        List<String> records = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            String data = switch (k % 4) {
                case 0 -> Signals.interaction("e-" + k, "int-" + k, "agent-" + (k % 600), "team-" + (k % 30), at, 30,
                        10, 0, false, "billing");
                case 1 -> Signals.qa("e-" + k, "agent-" + (k % 600), "team-1", "int-" + k, true, 3.5, true);
                case 2 -> Signals.adherence("e-" + k, "agent-" + (k % 600), "team-1", 91.5, at);
                default -> Signals.transcript("e-" + k, "int-" + k, "agent-" + (k % 600), "team-1",
                        "thanks for calling, how can I help you today with your account");
            };
            records.add(SignalRecordsTest.envelope("env-" + k, "io.wem.signal.SignalReceived.v1", data));
        }
        // rounds alternate between the two reads, so that JIT warm-up and machine load fall on both alike
        double[] two = new double[15];
        double[] one = new double[15];
        for (int round = -10; round < two.length; round++) {
            double t = recordsPerSecond(records, 0);
            double o = recordsPerSecond(records, 1);
            if (round >= 0) {
                two[round] = t;
                one[round] = o;
            }
        }
        double twoPass = median(two);
        double onePass = median(one);
        System.out.printf(Locale.ROOT, "signal record read (median of 15 rounds of %d records): two passes %.0f "
                + "records/s, one pass %.0f records/s (x%.2f); %d cores, load average %.1f%n", records.size(),
                twoPass, onePass, onePass / twoPass, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** how: 0 the old two passes, 1 {@link SignalRecords#read}. */
    private static double recordsPerSecond(List<String> records, int how) {
        long t0 = System.nanoTime();
        int n = 0;
        for (String r : records) {
            Signal s = how == 0 ? SignalRecords.toSignal(Events.parse(r)) : SignalRecords.read(r).data();
            n += s.eventId().isEmpty() ? 0 : 1;
        }
        long t1 = System.nanoTime();
        assertEquals(records.size(), n);
        return records.size() / ((t1 - t0) / 1e9);
    }
}
