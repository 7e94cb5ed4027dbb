package io.wem.signal.calibration;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounded calibration (3 seeds; the full run of 60 seeds is {@code ./wem calibrate}, see docs/calibration.md).
 * The run is seeded, so these are fixed figures: at 2.5× and above (the documented pooled minimum detectable
 * effect) at most one plant of eight may be missed and every kind planted there must be found at least once (without
 * the slices the one-reason plant is missed, without the agent's own change-point the recent decline), types right,
 * and false gaps within 2 per 100 agent-weeks.
 */
class CalibrationTest {

    @Test
    void detectionOnGeneratedContactCentersMeetsTheBars() {
        Calibration.Result r = new Calibration().run(1, 3);
        double mde = 2.5;
        List<Calibration.Outcome> hold = r.outcomes.stream().filter(o -> !o.plant().kind().onTransfers()).toList();
        Calibration.Rate large = new Calibration.Rate(
                (int) hold.stream().filter(o -> o.plant().ratio() >= mde && o.detected()).count(),
                (int) hold.stream().filter(o -> o.plant().ratio() >= mde).count());
        Set<SyntheticCenter.Kind> planted = hold.stream().filter(o -> o.plant().ratio() >= mde)
                .map(o -> o.plant().kind()).collect(Collectors.toSet());
        Set<SyntheticCenter.Kind> found = hold.stream().filter(o -> o.plant().ratio() >= mde && o.detected())
                .map(o -> o.plant().kind()).collect(Collectors.toSet());
        String figures = "at >= 2.5x detected " + large + "; type " + Calibration.typeAccuracy(r, mde)
                + "; false gaps null " + Calibration.per100(r.falseGapsNull, r.agentWeeksNull) + "; planted "
                + Calibration.per100(r.falseGapsPlanted, r.agentWeeksPlanted) + "; examples " + r.falseExamples
                + "; outcomes " + r.outcomes.stream().map(o -> o.plant().kind() + "@" + o.plant().ratio() + "="
                + (o.detected() ? o.type() : "missed")).toList();
        System.out.println("calibration (3 seeds): " + figures);
        assertTrue(large.n() >= 8 && large.p() >= 0.85, figures);
        assertEquals(planted, found, figures);
        assertEquals(1.0, Calibration.typeAccuracy(r, mde).p(), figures);
        assertTrue(Calibration.per100Value(r.falseGapsNull + r.falseGapsPlanted,
                r.agentWeeksNull + r.agentWeeksPlanted) <= 2, figures);
    }
}
