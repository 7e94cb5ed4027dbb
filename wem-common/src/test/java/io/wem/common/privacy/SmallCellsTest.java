package io.wem.common.privacy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallCellsTest {

    /** No published count ever lies strictly between 0 and the minimum group size. */
    @Property
    void aPublishedCountNeverSinglesOutFewerThanTheMinimum(@ForAll @IntRange(min = 0, max = 10_000) int people) {
        Integer shown = SmallCells.count(people);
        if (shown == null) {
            assertTrue(people >= 1 && people < SmallCells.MIN_GROUP, "withheld " + people);
        } else {
            assertEquals(people, shown);
            assertTrue(shown == 0 || shown >= SmallCells.MIN_GROUP);
        }
        assertEquals(people < SmallCells.MIN_GROUP, SmallCells.tooSmall(people));
    }

    @Property(tries = 10)
    void oneTwoAndFourAreWithheld(@ForAll @IntRange(min = 1, max = 4) int people) {
        assertNull(SmallCells.count(people));
    }
}
