package io.wem.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertEquals("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\r\n",
                Csv.of(List.of("a", "b"), List.of(List.of("x,y", "say \"hi\""), java.util.Arrays.asList("two\nlines", null))));
    }

    @Test
    void formulaLookingCellsAreNeutralisedButNumbersStayNumbers() {
        assertEquals("\"'=HYPERLINK(1)\"", Csv.cell("=HYPERLINK(1)"));
        assertEquals("\"'@SUM(A1)\"", Csv.cell("@SUM(A1)"));
        assertEquals("\"'+cmd\"", Csv.cell("+cmd"));
        assertEquals("-12.5", Csv.cell("-12.5"));
        assertEquals("P90D", Csv.cell("P90D"));
    }
}
