package io.wem.common.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is read, in the suite's
 * problem+json shape (Quarkus' own refusal is an empty 413 and a closed connection, which clients report as a
 * network error). Chunked bodies without a length still meet Quarkus' own limit.
 */
@Singleton
public class BodyLimit {
    private static final String BODY = "{\"type\":\"https://wem.io/problems/payload-too-large\",\"title\":"
            + "\"Payload too large\",\"status\":413,\"detail\":\"the request body is larger than %d bytes\","
            + "\"errors\":[{\"field\":\"body\",\"message\":\"at most %d bytes\"}]}";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredLength(length) > limit) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(BODY.formatted(limit, limit));
            } else {
                ctx.next();
            }
        });
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
