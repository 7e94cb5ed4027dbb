package io.wem.governance.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CSV injection: a value another service reported must never start a spreadsheet formula. */
class AuditCsvTest {

    @Test
    void everyFormulaPrefixIsDefused() {
        assertEquals("'=cmd|' /C calc'!A0", AuditResource.csv("=cmd|' /C calc'!A0"));
        assertEquals("'+1", AuditResource.csv("+1"));
        assertEquals("'-1", AuditResource.csv("-1"));
        assertEquals("'@SUM(A1)", AuditResource.csv("@SUM(A1)"));
        assertEquals("'\t=1", AuditResource.csv("\t=1"));
        assertEquals("\"'\r=1\"", AuditResource.csv("\r=1"));
    }

    @Test
    void ordinaryValuesAreLeftAloneOrQuoted() {
        assertEquals("supervisor1", AuditResource.csv("supervisor1"));
        assertEquals("\"a,b\"", AuditResource.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditResource.csv("say \"hi\""));
        assertEquals("", AuditResource.csv(null));
    }
}
