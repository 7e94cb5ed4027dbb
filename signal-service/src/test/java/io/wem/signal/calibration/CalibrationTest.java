package io.wem.signal.calibration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounded calibration (3 seeds; the full run of at least 20 seeds is {@code ./wem calibrate}, see
 * docs/calibration.md). Bars are looser than the issue's so that three seeds do not make it flaky, and tight enough
 * that detection without slices or without the agent's own change-point fails them.
 */
class CalibrationTest {

    @Test
    void detectionOnGeneratedContactCentersMeetsLooseBars() {
        Calibration.Result r = new Calibration().run(1, 3);
        Calibration.Rate large = new Calibration.Rate(
                (int) r.outcomes.stream().filter(o -> o.plant().ratio() >= 3.0 && o.detected()).count(),
                (int) r.outcomes.stream().filter(o -> o.plant().ratio() >= 3.0).count());
        String figures = "large effects detected " + large + "; type " + Calibration.typeAccuracy(r, 3.0)
                + "; false gaps null " + Calibration.per100(r.falseGapsNull, r.agentWeeksNull) + "; planted "
                + Calibration.per100(r.falseGapsPlanted, r.agentWeeksPlanted) + "; examples " + r.falseExamples + "; outcomes " + r.outcomes.stream().map(o -> o.plant().kind() + "@"
                + o.plant().ratio() + "=" + (o.detected() ? o.type() : "missed")).toList();
        System.out.println("calibration (3 seeds): " + figures);
        assertTrue(large.p() >= 0.5, figures);
        assertTrue(Calibration.typeAccuracy(r, 3.0).p() >= 0.75, figures);
        assertTrue(Calibration.per100Value(r.falseGapsNull + r.falseGapsPlanted,
                r.agentWeeksNull + r.agentWeeksPlanted) <= 4, figures);
    }
}
