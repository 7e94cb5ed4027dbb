package io.wem.signal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript text as the turns of a conversation, so governance can redact a card number a customer spreads over
 * several turns. A line that starts with a speaker label ("Customer: ...", "Agent - ...", "[agent] ...", "C: ...")
 * starts a turn; other lines continue the current one; a text without labels is one turn. {@link #join} puts the
 * redacted turn texts back exactly where the originals were, labels and line breaks untouched.
 */
public final class TranscriptTurns {

    /** One turn: who spoke, the label text before it (kept verbatim), the turn's text and the line break after it. */
    public record Turn(String speaker, String label, String text, String lineBreak) {
    }

    private static final Map<String, String> SPEAKERS = Map.ofEntries(
            Map.entry("customer", "customer"), Map.entry("caller", "customer"), Map.entry("client", "customer"),
            Map.entry("cust", "customer"), Map.entry("c", "customer"), Map.entry("user", "customer"),
            Map.entry("agent", "agent"), Map.entry("advisor", "agent"), Map.entry("adviser", "agent"),
            Map.entry("rep", "agent"), Map.entry("representative", "agent"), Map.entry("operator", "agent"),
            Map.entry("agt", "agent"), Map.entry("a", "agent"), Map.entry("bot", "agent"), Map.entry("ivr", "agent"));

    /** "[agent] ", "Customer: ", "C - ", "Speaker 1: " at the start of a line (after an optional [timestamp]). */
    private static final Pattern LABEL = Pattern.compile(
            "^(\\s*(?:\\[\\d{1,2}:\\d{2}(?::\\d{2})?\\]\\s*)?)(?:\\[([A-Za-z]+(?: \\d)?)\\]\\s*[:\\-]?|([A-Za-z]+(?: \\d)?)\\s*(?::|\\s-\\s|>))\\s*");

    private TranscriptTurns() {
    }

    public static List<Turn> parse(String text) {
        List<Turn> turns = new ArrayList<>();
        String speaker = "";
        String label = "";
        StringBuilder body = new StringBuilder();
        boolean started = false;
        int i = 0;
        while (i <= text.length()) {
            int end = lineEnd(text, i);
            String line = text.substring(i, end);
            int next = end < text.length() ? end + (text.startsWith("\r\n", end) ? 2 : 1) : end + 1;
            String lineBreak = end < text.length() ? text.substring(end, Math.min(next, text.length())) : "";
            Matcher m = LABEL.matcher(line);
            String who = m.lookingAt() ? speakerOf(m.group(2) != null ? m.group(2) : m.group(3)) : null;
            if (who != null && started) {
                // the line break before this label belongs to the turn before it
                turns.add(finish(speaker, label, body));
                body.setLength(0);
            }
            if (who != null) {
                speaker = who;
                label = line.substring(0, m.end());
                body.append(line.substring(m.end())).append(lineBreak);
            } else {
                body.append(line).append(lineBreak);
            }
            started = true;
            i = next;
        }
        turns.add(finish(speaker, label, body));
        return turns;
    }

    /** The transcript with each turn's text replaced by {@code texts} (same order and count as {@link #parse}). */
    public static String join(List<Turn> turns, List<String> texts) {
        if (turns.size() != texts.size()) {
            throw new IllegalArgumentException(texts.size() + " texts for " + turns.size() + " turns");
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < turns.size(); k++) {
            out.append(turns.get(k).label()).append(texts.get(k)).append(turns.get(k).lineBreak());
        }
        return out.toString();
    }

    private static Turn finish(String speaker, String label, StringBuilder body) {
        int cut = body.length();
        while (cut > 0 && (body.charAt(cut - 1) == '\n' || body.charAt(cut - 1) == '\r')) {
            cut--;
        }
        return new Turn(speaker, label, body.substring(0, cut), body.substring(cut));
    }

    private static String speakerOf(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.startsWith("speaker ")) {
            return l;
        }
        return SPEAKERS.get(l);
    }

    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }
}
