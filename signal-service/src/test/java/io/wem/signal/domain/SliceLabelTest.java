package io.wem.signal.domain;

import io.wem.common.contracts.BuiltInBehaviors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gap names a contact reason only when that reason is the evidence (issue #16, class 8). The attack: one reason is
 * far slower for everybody, so an agent's worst interactions all carry it whatever their gap is about.
 */
class SliceLabelTest {
    final GapDetector detector = new GapDetector(GapDetector.Settings.defaults());
    final Behavior hold = GapDetectorTest.builtIn(BuiltInBehaviors.HOLD_USAGE);

    TeamData team(Random r, String[] reasons, double[] means, String oddReason, double factor) {
        List<Observation> all = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            for (int k = 0; k < 260; k++) {
                int ri = r.nextInt(reasons.length);
                boolean odd = a == 0 && (oddReason == null || oddReason.equals(reasons[ri]));
                all.add(new Observation("ag" + a, "ag" + a + "-" + k, LogRatioTest.T0.plus(Duration.ofMinutes(41L * k)),
                        LogRatioTest.hold(r, 0.6, means[ri] * (odd ? factor : 1)), null, reasons[ri]));
            }
        }
        return new TeamData("team", LogRatioTest.T0.minus(Duration.ofDays(1)), LogRatioTest.T0.plus(Duration.ofDays(14)),
                all, List.of(), List.of(), Map.of(), List.of());
    }

    String[] reasons(Random r) {
        return new String[]{LogRatioTest.name(r), LogRatioTest.name(r), LogRatioTest.name(r)};
    }

    @Property(tries = 15)
    void aGapOnEveryReasonIsNotLabelledWithTheSlowReason(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        String[] reasons = reasons(r);
        TeamData data = team(r, reasons, new double[]{20, 25, 150}, null, 2.5);
        Assessment a = detector.assessWithSlices(hold, data).stream().filter(x -> x.agentId().equals("ag0"))
                .findFirst().orElseThrow();
        assertTrue(a.gap(), "2.5x on every reason over 260 calls is a gap");
        // The precondition of the attack: the evidence (worst interactions) is all from the slow reason.
        Set<String> evidenceReasons = data.current().stream()
                .filter(o -> a.evidenceInteractionIds().contains(o.interactionId())).map(Observation::contactReason)
                .collect(Collectors.toSet());
        assertEquals(Set.of(reasons[2]), evidenceReasons);
        assertNull(a.contactReason(), "not specific to a reason, so no reason label");
    }

    @Property(tries = 15)
    void aGapOnOneReasonIsLabelledWithIt(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Random r = new Random(seed);
        String[] reasons = reasons(r);
        TeamData data = team(r, reasons, new double[]{30, 40, 50}, reasons[1], 5);
        Assessment a = detector.assessWithSlices(hold, data).stream().filter(x -> x.agentId().equals("ag0"))
                .findFirst().orElseThrow();
        assertTrue(a.gap(), "5x on one reason over ~85 calls is a gap");
        assertEquals(reasons[1], a.contactReason());
    }
}
