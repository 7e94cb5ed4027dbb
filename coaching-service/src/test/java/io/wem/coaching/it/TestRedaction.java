package io.wem.coaching.it;

import io.wem.common.redaction.TextRedaction;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * governance's redaction as seen by coaching's tests: replaces the REST call. It blanks every run of 13-19 digits
 * (spaces or dashes between them allowed) that passes Luhn, which is enough for typed card numbers; the real engine
 * and its recall are governance's (PciIT runs the whole path). {@link #down} makes every call fail.
 */
@Alternative
@Priority(100)
@ApplicationScoped
public class TestRedaction implements TextRedaction {
    private static final Pattern DIGITS = Pattern.compile("\\d(?:[ -]?\\d){12,18}");
    private static volatile boolean down;
    private static final AtomicInteger CALLS = new AtomicInteger();

    public static void down(boolean isDown) {
        down = isDown;
    }

    public static int calls() {
        return CALLS.get();
    }

    @Override
    public List<String> redact(List<String> texts) {
        CALLS.incrementAndGet();
        if (down) {
            throw new IllegalStateException("governance does not answer (test)");
        }
        List<String> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            Matcher m = DIGITS.matcher(t);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, luhn(m.group().replaceAll("[ -]", "")) ? "[PAN]" : m.group());
            }
            m.appendTail(sb);
            out.add(sb.toString());
        }
        return out;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
