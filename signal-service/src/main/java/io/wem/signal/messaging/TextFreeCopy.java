package io.wem.signal.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wem.common.events.EventEnvelope;
import io.wem.common.events.Events;
import io.wem.signal.api.Signal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What signal-service puts on its dead-letter topic instead of a record that may carry card data: a dead letter
 * never holds raw transcript text (PCI DSS: no card data at rest, Kafka included). A short value with no long
 * number in it, typed or spoken, is kept as it is (so a malformed record stays recognisable); otherwise the JSON
 * is kept with every {@code text} field and every string or number that could hold a card number replaced by
 * {@value #REMOVED}; a value that is not JSON is dropped. Records whose text governance did redact are parked
 * with that redacted text (they can be replayed).
 */
final class TextFreeCopy {
    static final String REMOVED = "[removed: may hold card data]";
    private static final int MAX_KEPT_CHARS = 128;
    /** A PAN has at least 12 digits. */
    private static final int MAX_DIGITS = 11;
    private static final int MAX_NUMBER_WORDS = 5;
    private static final Set<String> NUMBER_WORDS = Set.of("zero", "oh", "o", "nought", "one", "two", "three",
            "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
            "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
            "seventy", "eighty", "ninety", "hundred", "thousand", "double", "triple");

    private TextFreeCopy() {
    }

    static String of(String raw) {
        if (raw == null || harmless(raw)) {
            return raw == null ? "" : raw;
        }
        try {
            JsonNode n = Events.mapper().readTree(raw);
            if (n != null && n.isObject()) {
                return scrub(n).toString();
            }
        } catch (java.io.IOException e) {
            // not JSON: nothing of it can be shown to hold no card data
        }
        return "";
    }

    /** The envelope with its data replaced by the signal as stored (text already redacted by governance). */
    static String redacted(EventEnvelope envelope, Signal redacted) {
        return Events.toJson(new EventEnvelope(envelope.specversion(), envelope.id(), envelope.source(),
                envelope.type(), envelope.subject(), envelope.time(), envelope.datacontenttype(),
                Events.mapper().valueToTree(redacted)));
    }

    private static JsonNode scrub(JsonNode n) {
        if (n.isObject()) {
            ObjectNode copy = Events.mapper().createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                copy.set(f.getKey(), f.getKey().equals("text") ? copy.textNode(REMOVED) : scrub(f.getValue()));
            }
            return copy;
        }
        if (n.isArray()) {
            ArrayNode copy = Events.mapper().createArrayNode();
            n.forEach(e -> copy.add(scrub(e)));
            return copy;
        }
        if (n.isTextual() || n.isNumber()) {
            return harmless(n.asText()) || isTimestamp(n.asText()) ? n : Events.mapper().getNodeFactory()
                    .textNode(REMOVED);
        }
        return n;
    }

    static boolean harmless(String s) {
        if (s.length() > MAX_KEPT_CHARS) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            digits += Character.isDigit(s.charAt(i)) ? 1 : 0;
        }
        if (digits > MAX_DIGITS) {
            return false;
        }
        int words = 0;
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            words += NUMBER_WORDS.contains(w) ? 1 : 0;
        }
        return words <= MAX_NUMBER_WORDS;
    }

    private static boolean isTimestamp(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
