package io.wem.common.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Finds which path or query parameter of a request could not be converted to its declared type, so that the 400
 * names it. Conversion is tried again here for the types the suite's resources declare (numbers, booleans, enums,
 * instants, UUIDs); the value itself is not echoed.
 */
final class BadParameters {
    private BadParameters() {
    }

    static Problem.FieldError find(SimpleResourceInfo resource, UriInfo uri) {
        if (resource != null && uri != null) {
            Method method = methodOf(resource);
            if (method != null) {
                for (Parameter p : method.getParameters()) {
                    String name = null;
                    List<String> values = List.of();
                    for (Annotation a : p.getAnnotations()) {
                        if (a instanceof QueryParam q) {
                            name = q.value();
                            values = uri.getQueryParameters().getOrDefault(name, List.of());
                        } else if (a instanceof PathParam pp) {
                            name = pp.value();
                            values = uri.getPathParameters().getOrDefault(name, List.of());
                        }
                    }
                    if (name == null) {
                        continue;
                    }
                    for (String v : values) {
                        String problem = conversionProblem(p.getType(), v);
                        if (problem != null) {
                            return new Problem.FieldError(name, problem);
                        }
                    }
                }
            }
        }
        return new Problem.FieldError("parameters", "a path or query parameter has a value of the wrong type");
    }

    private static Method methodOf(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }

    /** Why {@code value} does not convert to {@code type}, or null when it does (or the type is not checked). */
    static String conversionProblem(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.trim());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value.trim());
            } else if (type == boolean.class || type == Boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return "must be true or false";
                }
            } else if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return null;
                    }
                }
                return "must be one of " + List.of(type.getEnumConstants());
            } else if (type == Instant.class) {
                Instant.parse(value);
            } else if (type == UUID.class) {
                UUID.fromString(value);
            }
            return null;
        } catch (NumberFormatException e) {
            return type == int.class || type == Integer.class ? "must be a 32-bit integer" : "must be a 64-bit integer";
        } catch (RuntimeException e) {
            return "has an invalid format";
        }
    }
}
