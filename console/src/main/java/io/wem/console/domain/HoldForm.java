package io.wem.console.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legal-hold form as governance's request: ids typed one per line or separated by commas or spaces, dates as
 * days (UTC midnight). It only translates what was typed; every rule (a case reference, at least one subject, from
 * before to) is governance-service's, which answers a 400 naming the field. A date that is not a date is the one
 * thing the console cannot pass on, so it names that field itself.
 */
public final class HoldForm {

    private HoldForm() {
    }

    /** The request body, or the field the console could not read and why. */
    public record Parsed(Map<String, Object> body, ReadableError.FieldError problem) {
    }

    public static Parsed parse(String caseReference, String reason, String agentIds, String interactionIds,
            String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseReference", caseReference == null ? "" : caseReference);
        body.put("reason", reason == null ? "" : reason);
        body.put("agentIds", ids(agentIds));
        body.put("interactionIds", ids(interactionIds));
        for (Map.Entry<String, String> day : List.of(Map.entry("from", blankToEmpty(from)),
                Map.entry("to", blankToEmpty(to)))) {
            if (day.getValue().isEmpty()) {
                continue;
            }
            try {
                body.put(day.getKey(), LocalDate.parse(day.getValue()).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .toString());
            } catch (DateTimeParseException e) {
                return new Parsed(null, new ReadableError.FieldError(day.getKey(),
                        "must be a day written as 2026-03-01"));
            }
        }
        return new Parsed(body, null);
    }

    /** Ids separated by commas, spaces or line breaks; empty pieces dropped, order and duplicates kept. */
    static List<String> ids(String typed) {
        List<String> out = new ArrayList<>();
        if (typed == null) {
            return out;
        }
        for (String piece : typed.split("[,\\s]+")) {
            if (!piece.isEmpty()) {
                out.add(piece);
            }
        }
        return out;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
