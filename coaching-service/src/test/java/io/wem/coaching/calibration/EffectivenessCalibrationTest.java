package io.wem.coaching.calibration;

import io.wem.coaching.domain.OutcomeEvaluation;
import io.wem.testing.calibration.CalibrationDoc;
import org.junit.jupiter.api.Test;

import static io.wem.coaching.domain.OutcomeEvaluation.Outcome.EFFECTIVE;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI-bounded effectiveness calibration (a few seeds of {@link EffectivenessCalibration}; the full run is
 * {@link EffectivenessCalibrationReport}, in {@code ./wem calibrate}). Seeds 901.. are used by no report.
 */
class EffectivenessCalibrationTest {

    @Test
    void nullInterventionsAreRarelyCalledEffectiveEvenWhenPickedForBeingExtreme() {
        EffectivenessCalibration.Tally[] any = EffectivenessCalibration.run(901, 5, EffectivenessCalibration.ANY);
        EffectivenessCalibration.Tally nul = any[0];
        int effective = nul.count(EFFECTIVE);
        // 200 null interventions: the stated one-sided error is 2.5 %; allow 2.5 % plus sampling margin (Wilson
        // lower bound must stay below the stated rate, i.e. the rate is not shown to exceed it).
        CalibrationDoc.Interval ci = CalibrationDoc.wilson(effective, nul.runs);
        assertTrue(ci.low() <= OutcomeEvaluation.ONE_SIDED_ERROR,
                "null interventions called EFFECTIVE: " + effective + " of " + nul.runs);
        EffectivenessCalibration.Tally[] ten =
                EffectivenessCalibration.run(901, 5, EffectivenessCalibration.TEN_PERCENT);
        assertTrue(CalibrationDoc.wilson(ten[0].count(EFFECTIVE), ten[0].runs).low() <= OutcomeEvaluation.ONE_SIDED_ERROR,
                "10 % criterion, null interventions called EFFECTIVE: " + ten[0].count(EFFECTIVE) + " of " + ten[0].runs);
    }

    @Test
    void aLargeTrueEffectIsFoundMoreOftenThanASmallOne() {
        EffectivenessCalibration.Tally[] any = EffectivenessCalibration.run(901, 5, EffectivenessCalibration.ANY);
        int last = EffectivenessCalibration.EFFECTS.length - 1;
        double large = (double) any[last].count(EFFECTIVE) / any[last].runs;
        // The evaluation is conservative (docs/calibration.md: about a third at 30 %); this guards against losing
        // what power it has.
        assertTrue(large >= 0.2, "30 % true reduction found EFFECTIVE in " + large);
        double small = (double) any[1].count(EFFECTIVE) / any[1].runs;
        assertTrue(small < large, "verdicts do not grow with the effect: " + small + " vs " + large);
    }
}
