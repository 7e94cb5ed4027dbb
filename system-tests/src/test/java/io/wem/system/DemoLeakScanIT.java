package io.wem.system;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's PCI check (issue #13): after {@code ./wem demo}, no stored text and no topic may hold a readable card
 * number. Scans every text, varchar and jsonb column of the four databases and every wem.* topic from the beginning
 * (dead letters included; not the raw platform input topic, which is PCI scope by design, see docs/governance.md)
 * with the reader PciIT uses ({@link CardScanner}: typed with any separator, and spoken), looking for any 13–19
 * digit number that passes Luhn in an issuer range. Findings are masked.
 * <p>
 * Runs only with {@code -Dwem.demo.leak-scan=true}: demo/run starts it after the demo (the shared system-test run
 * holds other suites' data, which this scan does not own).
 */
class DemoLeakScanIT {

    @Test
    @DisplayName("no readable card number in any stored text or on any topic of the stack")
    void noReadableCardNumberAnywhere() {
        Assumptions.assumeTrue(Boolean.getBoolean("wem.demo.leak-scan"), "only after ./wem demo");
        CardScanner scanner = new CardScanner(List.of());
        List<String> findings = new ArrayList<>();
        long values = PciIT.scanDatabases(scanner, findings);
        long records = PciIT.scanTopics(scanner, findings);
        System.out.printf("PCI leak scan: %d stored values and %d topic records scanned, %d card numbers found%n",
                values, records, findings.size());
        assertTrue(values > 0 && records > 0, "nothing to scan: " + values + " values, " + records + " records");
        assertTrue(findings.isEmpty(), "readable card numbers (" + values + " stored values, " + records
                + " records scanned):\n" + String.join("\n", findings));
    }
}
