package io.wem.demo.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Short, plausible transcripts. Billing contacts sometimes carry a card number, typed or read out in one of the
 * {@link CardNumbers.Form}s, sometimes with the expiry date and security code; every transcript may also carry
 * numbers that are not cards (ticket numbers, phone numbers, amounts), which redaction must leave alone.
 */
final class TranscriptWriter {

    private static final String[] GREETINGS = {
            "Agent: Thank you for calling, my name is %s, how can I help you today?",
            "Agent: Hello, you are speaking with %s, what can I do for you?",
            "Agent: Good afternoon, this is %s from customer care."};
    private static final String[] NAMES = {"Sam", "Alex", "Jordan", "Priya", "Chen", "Maria", "Tom", "Aisha"};

    private TranscriptWriter() {
    }

    /** @param pan a card number to mention, or null for a transcript without one */
    static String write(SplittableRandom rnd, String reason, String pan, CardNumbers.Form form) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(GREETINGS[rnd.nextInt(GREETINGS.length)], NAMES[rnd.nextInt(NAMES.length)]));
        switch (reason) {
            case "billing-dispute" -> {
                lines.add("Customer: I was charged twice on my last bill, " + amount(rnd) + " instead of " + amount(rnd) + " dollars.");
                lines.add("Agent: I am sorry about that, let me look at the invoice with you.");
            }
            case "billing-question" -> {
                lines.add("Customer: I do not understand the new line on my bill this month.");
                lines.add("Agent: Of course, that is the device instalment, let me explain it.");
            }
            case "payment" -> {
                lines.add("Customer: I would like to pay my outstanding balance of " + amount(rnd) + " dollars today.");
                lines.add("Agent: Certainly, I can take that payment now.");
            }
            case "complaint" -> {
                lines.add("Customer: This is the third time I call and nobody fixed it, I am really frustrated.");
                lines.add("Agent: I understand, let me see what happened on your account.");
            }
            case "technical-issue" -> {
                lines.add("Customer: My internet keeps dropping every evening since Monday.");
                lines.add("Agent: Let me run a line test while we talk.");
            }
            case "cancellation" -> {
                lines.add("Customer: I want to cancel my contract, the price went up again.");
                lines.add("Agent: I hear you, before you go let me check what offers we have.");
            }
            default -> {
                lines.add("Customer: I moved house and need to change my address.");
                lines.add("Agent: No problem, I will update it for you.");
            }
        }
        if (pan != null) {
            lines.add("Agent: Could you give me the card number you would like to use?");
            lines.add("Customer: Yes, it is " + CardNumbers.render(pan, form) + ".");
            if (rnd.nextDouble() < 0.5) {
                lines.add("Agent: And the expiry date? Customer: It expires twelve twenty seven.");
            }
            if (rnd.nextDouble() < 0.4) {
                lines.add("Agent: And the three digits on the back? Customer: The security code is "
                        + spokenDigits(rnd, 3) + ".");
            }
            lines.add("Agent: Thank you, the payment has gone through.");
        }
        if (rnd.nextDouble() < 0.4) {
            lines.add("Agent: Your ticket number is " + (10_000_000 + rnd.nextInt(89_999_999)) + " if you need to call back.");
        }
        if (rnd.nextDouble() < 0.3) {
            lines.add("Agent: You can also reach us on 0800 555 " + (1000 + rnd.nextInt(8999)) + " any day.");
        }
        lines.add("Agent: Is there anything else I can help you with? Customer: No, thank you, goodbye.");
        return String.join("\n", lines);
    }

    private static String amount(SplittableRandom rnd) {
        return (20 + rnd.nextInt(180)) + "." + (10 + rnd.nextInt(89));
    }

    private static String spokenDigits(SplittableRandom rnd, int n) {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(words[rnd.nextInt(10)]);
        }
        return String.join(" ", out);
    }
}
