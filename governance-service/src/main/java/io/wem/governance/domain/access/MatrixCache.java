package io.wem.governance.domain.access;

import io.wem.common.access.Endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What governance last learnt of one service's endpoints. A good answer is reused for {@code fresh}; after a failure
 * the service is asked again only after {@code retryAfterFailure}, so a dead service does not slow every request,
 * and its last good answer is shown as STALE.
 */
public record MatrixCache(List<Endpoint> endpoints, Instant fetchedAt, Instant failedAt, String problem) {

    public static final MatrixCache EMPTY = new MatrixCache(null, null, null, null);

    public boolean needsFetch(Instant now, Duration fresh, Duration retryAfterFailure) {
        if (failedAt != null && (fetchedAt == null || failedAt.isAfter(fetchedAt))) {
            return !now.isBefore(failedAt.plus(retryAfterFailure));
        }
        return fetchedAt == null || !now.isBefore(fetchedAt.plus(fresh));
    }

    public MatrixCache succeeded(List<Endpoint> fetched, Instant now) {
        return new MatrixCache(List.copyOf(fetched), now, null, null);
    }

    public MatrixCache failed(String why, Instant now) {
        return new MatrixCache(endpoints, fetchedAt, now, why);
    }

    public AccessMatrix.Source source() {
        if (endpoints == null) {
            return new AccessMatrix.Source(AccessMatrix.UNAVAILABLE, null, problem == null ? "not asked yet" : problem);
        }
        boolean failedSince = failedAt != null && failedAt.isAfter(fetchedAt);
        return new AccessMatrix.Source(failedSince ? AccessMatrix.STALE : AccessMatrix.OK, fetchedAt,
                failedSince ? problem : null);
    }

    public List<Endpoint> shown() {
        return endpoints == null ? List.of() : endpoints;
    }
}
