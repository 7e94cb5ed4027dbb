package io.wem.testing.pci;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The leak reader must read what a listener could hear; these failed before tens were read both ways. */
class SpokenDigitReaderTest {

    @Test
    void aTenBeforeADigitIsReadBothWays() {
        Set<String> w = SpokenDigitReader.windows("three hundred six forty seven o eight six", 5);
        assertTrue(w.contains("30640"), w.toString()); // 306 40 | 7086
        assertTrue(w.contains("30647"), w.toString()); // 306 47 086
    }

    @Test
    void eachTenIsReadEitherWayOnItsOwn() {
        // 10 34 71 20 | 4 4 4: "thirty four" joined, "twenty four" split, in one reading
        Set<String> w = SpokenDigitReader.windows("ten thirty four ... seventy-one twenty four four four", 5);
        assertTrue(w.contains("03471") && w.contains("47120") && w.contains("71204"), w.toString());
    }

    @Test
    void wordsThatAreNotNumbersAddNothing() {
        assertFalse(SpokenDigitReader.windows("forty winks and a cup of tea", 5).stream().anyMatch(s -> true));
    }
}
