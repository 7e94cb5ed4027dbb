package io.wem.console.domain;

import java.util.List;

/**
 * Turns a service's answer into a sentence a person can act on. The services answer errors as RFC 9457
 * problem+json (title, detail, errors[].field); the console shows those words, never raw JSON or a stack trace.
 */
public final class ReadableError {

    private ReadableError() {
    }

    /** One field named by a 400 problem. */
    public record FieldError(String field, String message) {
    }

    /**
     * @param service the service's name as shown to people ("coaching-service")
     * @param status  HTTP status of the answer
     * @param title   the problem's title, may be null
     * @param detail  the problem's detail, may be null (or the body was not a problem)
     * @param fields  the problem's field errors, may be empty
     */
    public static String describe(String service, int status, String title, String detail, List<FieldError> fields) {
        String reason = firstNonBlank(detail, title);
        StringBuilder out = new StringBuilder();
        switch (status) {
            case 400 -> out.append(service).append(" did not accept the request");
            case 401 -> out.append("Your session is no longer accepted by ").append(service).append(": sign in again");
            case 403 -> out.append("You are not allowed to see or change this (").append(service).append(" refused)");
            case 404 -> out.append(service).append(" does not know this item");
            case 409 -> out.append(service).append(" refused the change");
            case 413 -> out.append("The request is too large for ").append(service);
            case 429 -> out.append(service).append(" is busy: try again in a moment");
            default -> {
                if (status >= 500) {
                    out.append(service).append(" could not answer (").append(status).append(')');
                } else {
                    out.append(service).append(" answered ").append(status);
                }
            }
        }
        if (reason != null && status != 401) {
            out.append(": ").append(clip(reason));
        }
        if (fields != null) {
            for (FieldError f : fields) {
                out.append(" · ").append(clip(f.field())).append(": ").append(clip(f.message()));
            }
        }
        return out.toString();
    }

    /** The service did not answer at all (connection refused, timeout). */
    public static String unreachable(String service, String why) {
        return service + " did not answer (" + why + "): the page shows nothing from it; try again later";
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b == null || b.isBlank() ? null : b.strip();
    }

    /** Keeps one message short and on one line whatever a service sends. */
    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 300 ? one : one.substring(0, 299) + "…";
    }
}
