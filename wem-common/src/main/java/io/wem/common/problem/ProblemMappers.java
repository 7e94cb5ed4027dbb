package io.wem.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maps every error a request can meet to problem+json, naming the field where there is one. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return Problem.validation(errors).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e) {
        return Problem.validation(List.of(fieldError(e))).toResponse();
    }

    /** The field a Jackson error is about (e.g. {@code signals[3].agentId}) and what is wrong with it. */
    public static Problem.FieldError fieldError(JsonProcessingException e) {
        String field = "body";
        String message;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = path(m);
        }
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof JsonMappingException) {
            message = "invalid value: " + firstLine(e.getOriginalMessage());
        } else {
            message = "malformed JSON: " + firstLine(e.getOriginalMessage());
        }
        return new Problem.FieldError(field, message);
    }

    /** Quarkus registers its own mapper for this subclass; this one keeps the suite's shape and the field name. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, SimpleResourceInfo resource, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return json(jpe);
        }
        if (e instanceof NotFoundException && cause != null && !(cause instanceof WebApplicationException)) {
            // JAX-RS answers a path or query parameter that cannot be converted (size=abc, state=BOGUS) with 404.
            return Problem.validation(List.of(BadParameters.find(resource, uri))).toResponse();
        }
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR && family != Response.Status.Family.SERVER_ERROR) {
            return e.getResponse();
        }
        String reason = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        Response response = Problem.of(status, slug(reason), reason, e.getMessage()).toResponse();
        if (e.getResponse() != null && e.getResponse().getHeaderString("Retry-After") != null) {
            return Response.fromResponse(response).header("Retry-After", e.getResponse().getHeaderString("Retry-After"))
                    .build();
        }
        return response;
    }

    /** Security exceptions keep Quarkus' meaning (401 with challenge, 403) but answer in the suite's shape. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.fromResponse(Problem.of(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required").toResponse()).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized(null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Forbidden", "the token lacks a role this operation requires").toResponse();
    }

    /**
     * An argument a library or our own code refused without naming a field. Its message can carry class names and
     * the offending value, so it is logged, not echoed; resources name fields through {@link ProblemException}.
     */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        String errorId = UUID.randomUUID().toString();
        LOG.debugf(e, "invalid argument, error id %s", errorId);
        return Problem.of(400, "invalid-argument", "Invalid request",
                "a value of the request is not valid here (error id " + errorId + ")").toResponse();
    }

    /**
     * Anything else is our bug, not the caller's: answer in the suite's shape with an error id that finds the
     * logged stack trace, and nothing of the exception (class names, messages and values can leak internals).
     */
    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (e instanceof WebApplicationException wae) {
            return webApplication(wae, null, null);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, error id %s", errorId);
        return Problem.of(500, "internal-error", "Internal error",
                "the request could not be completed; quote error id " + errorId + " to the operator").toResponse();
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // Drop the method and parameter segments ("ingest.arg0.") so the field is the body's own path.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : (parts.length == 2 ? parts[1] : path);
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

    private static String slug(String reason) {
        return reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
