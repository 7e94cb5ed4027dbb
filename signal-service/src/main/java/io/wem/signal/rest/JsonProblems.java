package io.wem.signal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.wem.common.problem.ProblemException;

/**
 * Turns a Jackson error of a body this service parses itself into a field-naming 400. Needed because Quarkus' own
 * mapper for MismatchedInputException (more specific than the common JsonProcessingException mapper) would
 * otherwise answer plain application/json without the field.
 */
final class JsonProblems {
    private JsonProblems() {
    }

    static ProblemException from(JsonProcessingException e) {
        String field = "body";
        String message;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = path(m);
        }
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidTypeIdException) {
            message = "kind is missing or unknown; one of interaction, qa-evaluation, survey, sentiment, adherence, "
                    + "staffing, transcript, live-monitoring";
        } else if (e instanceof JsonMappingException) {
            message = "invalid value: " + firstLine(e.getOriginalMessage());
        } else {
            message = "malformed JSON: " + firstLine(e.getOriginalMessage());
        }
        return ProblemException.badRequest(field, message);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
