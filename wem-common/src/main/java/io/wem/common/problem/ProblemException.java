package io.wem.common.problem;

import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.List;

/** Throw from anywhere in request handling to answer with a problem+json body. */
public class ProblemException extends RuntimeException {
    private final Problem problem;
    private final Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA).entity(problem);
        if (retryAfter != null) {
            builder.header("Retry-After", Math.max(1, retryAfter.toSeconds()));
        }
        return builder.build();
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.validation(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    public static ProblemException tooLarge(String field, String detail) {
        return new ProblemException(new Problem("https://wem.io/problems/too-large", "Payload too large", 413, detail,
                null, List.of(new Problem.FieldError(field, detail))));
    }

    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(Problem.of(503, "unavailable", "Service unavailable", detail), retryAfter);
    }

    /** 503 naming the field whose processing (e.g. redaction before storage) was not possible. */
    public static ProblemException unavailable(String field, String detail, Duration retryAfter) {
        Problem p = Problem.of(503, "unavailable", "Service unavailable", detail);
        return new ProblemException(new Problem(p.type(), p.title(), 503, detail, null,
                List.of(new Problem.FieldError(field, detail))), retryAfter);
    }
}
