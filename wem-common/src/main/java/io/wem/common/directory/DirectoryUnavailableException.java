package io.wem.common.directory;

import io.wem.common.problem.Problem;
import io.wem.common.problem.ProblemException;

import java.time.Duration;

/** The directory did not answer: scoping cannot be decided, so the request fails closed with 503. */
public class DirectoryUnavailableException extends ProblemException {
    public DirectoryUnavailableException(String detail) {
        super(Problem.of(503, "directory-unavailable", "Directory unavailable", detail), Duration.ofSeconds(5));
    }
}
