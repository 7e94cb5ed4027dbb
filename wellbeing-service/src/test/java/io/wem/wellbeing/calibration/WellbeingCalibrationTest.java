package io.wem.wellbeing.calibration;

import io.wem.testing.calibration.CalibrationDoc;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI-bounded wellbeing calibration (3 seeds of {@link WellbeingCalibration}; the full run is
 * {@link WellbeingCalibrationReport}, in {@code ./wem calibrate}). Seeds 901.. are used by no report.
 */
class WellbeingCalibrationTest {

    /** The target: at most 2 wellbeing alerts per 100 agent-days on a null population. */
    static final double TARGET = 2.0;

    /**
     * The target (at most 2 per 100 agent-days) is NOT met today (docs/calibration.md, wellbeing section:
     * about 3.2 per 100 held out, mostly single agents over the live-monitoring cap and the index by chance, and one
     * programme alert per team and cap; 3.3 on these seeds). This guards the measured level against getting worse
     * (8.5 before cap episodes, the index on-delay and quiet periods per pattern window; 4.5 before programme alerts)
     * and the recovery alerts against becoming noise again; it does not claim the target.
     */
    @Test
    void nullPopulationAlertRateDoesNotGrowBeyondTodaysLevel() {
        WellbeingCalibration.Result r = WellbeingCalibration.run(901, 3, WellbeingCalibration.Plant.NONE);
        double rate = 100.0 * r.alerts() / r.agentDays;
        assertTrue(rate <= 4.5, "alerts per 100 agent-days " + rate + " " + r.alertsByKind
                + ", 95 % interval " + CalibrationDoc.poisson(r.alerts()).format("%.0f") + " alerts");
        int recovery = r.alertsByKind.getOrDefault("RECOVERY_DUE", 0) + r.alertsByKind.getOrDefault("RECOVERY_VIOLATION", 0);
        assertTrue(100.0 * recovery / r.agentDays <= 0.75 * TARGET, "recovery alerts " + recovery);
    }

    @Test
    void plantedSituationsGetTheirAlert() {
        for (WellbeingCalibration.Plant p : new WellbeingCalibration.Plant[] {
                WellbeingCalibration.Plant.DIFFICULT_RUN, WellbeingCalibration.Plant.MONITORING_BURST}) {
            WellbeingCalibration.Result r = WellbeingCalibration.run(901, 3, p);
            assertTrue(r.found >= 0.9 * r.planted, p + ": " + r.found + " of " + r.planted);
        }
    }
}
