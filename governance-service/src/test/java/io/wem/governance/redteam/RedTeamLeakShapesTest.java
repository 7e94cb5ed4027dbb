package io.wem.governance.redteam;

import io.wem.governance.domain.redaction.PciRedactor;
import io.wem.governance.domain.redaction.Redaction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-written cases, one group per leak class the red-team corpus found in the engine (issue #13). The PANs are
 * typed out here (not drawn from the generator); that each passes Luhn is asserted below.
 */
class RedTeamLeakShapesTest {

    private final PciRedactor redactor = new PciRedactor();

    // Luhn-valid, each in its issuer's range
    static final String VISA = "4929140362718540";
    static final String MIR = "2201794036152289";
    static final String RUPAY = "6521003471928854";
    static final String MASTERCARD = "5412753946610230";

    @Test
    void theHandWrittenPansAreValid() {
        for (String pan : List.of(VISA, MIR, RUPAY, MASTERCARD)) {
            assertTrue(RedTeamGenerator.luhn(pan), pan);
        }
    }

    /** Nothing of the PAN (no 5-digit window, digits or words) may be readable in any of the texts. */
    private static void assertNoLeak(String pan, List<String> redacted) {
        StringBuilder all = new StringBuilder();
        for (String r : redacted) {
            all.append(RedTeamReader.digits(r));
        }
        for (int i = 0; i + 5 <= pan.length(); i++) {
            assertFalse(all.indexOf(pan.substring(i, i + 5)) >= 0,
                    "window " + pan.substring(i, i + 5) + " of the PAN is readable in " + redacted);
        }
    }

    private void assertRedacted(String pan, String text) {
        Redaction r = redactor.redact(text, false);
        assertTrue(r.text().contains("[PAN]"), r.text());
        assertNoLeak(pan, List.of(r.text()));
    }

    private List<String> conversation(String... speakerAndText) {
        List<PciRedactor.Turn> turns = new ArrayList<>();
        for (int i = 0; i < speakerAndText.length; i += 2) {
            turns.add(new PciRedactor.Turn(speakerAndText[i], speakerAndText[i + 1]));
        }
        return redactor.redactConversation(turns, false).stream().map(Redaction::text).toList();
    }

    private static String mathBold(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') {
                sb.appendCodePoint(0x1D7CE + (c - '0')); // MATHEMATICAL BOLD DIGIT, NFKC folds it to ASCII
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    void mathematicalDigitsOutsideTheBasicPlane() {
        assertRedacted(VISA, "the card number is " + mathBold("4929 1403 6271 8540") + " cheers");
        assertRedacted(MIR, mathBold("2201.7940.3615.2289") + ", got it?");
        // monospace and double-struck digits too
        StringBuilder mono = new StringBuilder();
        for (char c : MASTERCARD.toCharArray()) {
            mono.appendCodePoint(0x1D7F6 + (c - '0'));
        }
        assertRedacted(MASTERCARD, "card " + mono);
    }

    @Test
    void nineSaidAsNiner() {
        assertRedacted(VISA, "four niner two niner, one four oh three, six two seven one, eight five four oh");
        assertRedacted(MIR, "two two oh one, seven niner four oh, three six one five, two two eight niner");
    }

    @Test
    void letterOTypedForZero() {
        assertRedacted(VISA, "right, 4929 14O3 6271 854O .");
        assertRedacted(MIR, "ref 22O1794O36152289");
        assertRedacted(MASTERCARD, "5412 7539 4661 o23o thanks");
        assertRedacted(RUPAY, "its 6521 Oo34 7192 8854");
        // shapes the corpus run left readable, verbatim
        assertTrue(RedTeamGenerator.luhn("2600805558436426") && RedTeamGenerator.luhn("4917497500705100")
                && RedTeamGenerator.luhn("9792005661103319"));
        assertRedacted("2600805558436426", "right, 26OO-8O55-5843-6426 .");
        assertRedacted("4917497500705100", "ref 49174975O07o51oo");
        assertRedacted("9792005661103319", "the number is 9792 Oo56  611O 3319 - did you get that?");
    }

    @Test
    void tensAndTeensBeforeHundred() {
        String mir = "2200461897005219";
        assertTrue(RedTeamGenerator.luhn(mir));
        assertRedacted(mir, "twenty two hundred, forty six eighteen, ninety seven hundred, fifty-two nineteen");
        String visa = "4700110063529954";
        assertTrue(RedTeamGenerator.luhn(visa));
        assertRedacted(visa, "forty seven hundred, eleven hundred, sixty-three fifty-two, ninety-nine fifty-four");
    }

    @Test
    void theAgentReadsTheChunksBack() {
        List<String> out = conversation(
                "agent", "Can I take the long number on the card please?",
                "customer", "sure it's six five two one",
                "agent", "six five two one, got it",
                "customer", "zero zero three four seven one",
                "agent", "zero zero three four seven one, go on",
                "customer", "nine two eight eight five four",
                "agent", "nine two eight eight five four, thank you");
        assertNoLeak(RUPAY, out);
        List<String> typed = conversation(
                "agent", "What's the number?",
                "customer", "49291403627",
                "agent", "49291403627, yes",
                "customer", "18540",
                "agent", "Great, and the expiry?");
        assertNoLeak(VISA, typed);
    }

    @Test
    void anAbandonedFirstReadingGoesWithThePan() {
        assertRedacted(VISA, "four nine two nine... 1403. six two seven one, hang on, from the top: four nine two"
                + " nine one four oh three six two seven one eight five four oh is my confirmation");
    }

    @Test
    void repeatedGroups() {
        assertRedacted(VISA, "four nine two nine, four nine two nine, that's right, one four oh three, one four oh"
                + " three. six two seven one eight five four oh - eight five four oh, yeah thanks");
        // shapes the corpus run left readable, verbatim
        assertTrue(RedTeamGenerator.luhn("6011558757863973") && RedTeamGenerator.luhn("375273205202492"));
        assertRedacted("6011558757863973", "six zero double one... six zero double one, that's right, five five eight"
                + " seven, five five eight seven. five seven eight six three nine seven three - three nine seven three,"
                + " yeah thanks");
        assertRedacted("375273205202492", "long number on the front is three seven five two, seven three two zero"
                + " five two zero two four nine two... zero two four nine two, yes?");
        assertRedacted(MASTERCARD, "card: five four one two, seven five three nine - seven five three nine, yes four"
                + " six six one, oh two three oh... oh two three oh, yes");
    }

    @Test
    void aTensWordBeforeAPauseIsARoundTen() {
        // "sixty... eight" is 60 8 and "fifty - eight" after "four hundred and" is 450 8, while "twenty three" is 23
        assertTrue(RedTeamGenerator.luhn("4017238364608") && RedTeamGenerator.luhn("4508336626062969"));
        assertRedacted("4017238364608", "ready? forty - seventeen … twenty three... eighty-three sixty-four - sixty..."
                + " eight ok?");
        assertRedacted("4508336626062969", "the first one is Four hundred and fifty - eight three three six six, two"
                + " six oh six two... nine hundred and sixty-nine but it was declined");
    }

    @Test
    void repeatedGroupsInsideALongerGroupAreNotRepeats() {
        // "five nine six five nine six" inside one group is no repeat; the groups said twice are
        assertTrue(RedTeamGenerator.luhn("2204259659604770906"));
        assertRedacted("2204259659604770906", "right, two two zero four - two two zero four, that's right, two five nine"
                + " six five nine six zero - four seven seven zero... four seven seven zero, yes nine zero six - nine"
                + " zero six - did you get that?");
    }

    @Test
    void aRepeatFollowedStraightByTheNextGroupAndHundredBeforeAPause() {
        assertTrue(RedTeamGenerator.luhn("6011875638226558831") && RedTeamGenerator.luhn("30080161205006"));
        assertRedacted("6011875638226558831", "from the card: six oh one one eight seven five six, eight seven five six"
                + " three eight two two... six double five eight - six double five eight - eight three one, got it?");
        assertRedacted("30080161205006", "ref thirty... zero eight zero one six one two. zero … five hundred... six"
                + " thanks");
    }

    @Test
    void aDoubleOTypedAsItsOwnWord() {
        assertTrue(RedTeamGenerator.luhn("2202974728817100" + "9"));
        assertRedacted("22029747288171009", "ref 22O2-9747-2881-71 oo-9");
    }
}
