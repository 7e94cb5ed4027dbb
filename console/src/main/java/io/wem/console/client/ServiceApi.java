package io.wem.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.wem.console.domain.ReadableError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls the services' public APIs with the signed-in person's own access token (from the authorization code flow),
 * so every rule stays where the services enforce it: the console adds no check and holds no token of its own.
 */
@ApplicationScoped
public class ServiceApi {

    public enum Service {
        SIGNAL("signal-service"), COACHING("coaching-service"), GOVERNANCE("governance-service"),
        WELLBEING("wellbeing-service");

        final String label;

        Service(String label) {
            this.label = label;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String JSON = "application/json, application/problem+json";

    @ConfigProperty(name = "wem.services.signal-url")
    String signalUrl;
    @ConfigProperty(name = "wem.services.coaching-url")
    String coachingUrl;
    @ConfigProperty(name = "wem.services.governance-url")
    String governanceUrl;
    @ConfigProperty(name = "wem.services.wellbeing-url")
    String wellbeingUrl;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public ApiResult get(Service service, String path) {
        return send(service, request(service, path).header("Accept", JSON).GET());
    }

    /** A download the service renders itself (CSV): its text, and the audit export's signed checkpoint header. */
    public record Download(ApiResult result, String text, String auditCheckpoint) {
    }

    public Download getCsv(Service service, String path) {
        HttpResponse<String> response;
        try {
            response = http.send(request(service, path).header("Accept", "text/csv, application/problem+json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Download(new ApiResult(0, null, ReadableError.unreachable(service.label, "connection failed")),
                    null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Download(new ApiResult(0, null, ReadableError.unreachable(service.label, "interrupted")),
                    null, null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Download(new ApiResult(status, null, null), response.body(),
                    response.headers().firstValue("X-Audit-Checkpoint").orElse(null));
        }
        return new Download(new ApiResult(status, null, describe(service, status, parse(response.body()))), null, null);
    }

    public ApiResult post(Service service, String path, Object body) {
        return send(service, "POST", path, body);
    }

    public ApiResult put(Service service, String path, Object body) {
        return send(service, "PUT", path, body);
    }

    private ApiResult send(Service service, String method, String path, Object body) {
        String json;
        try {
            json = mapper.writeValueAsString(body == null ? java.util.Map.of() : body);
        } catch (IOException e) {
            throw new IllegalStateException("request body not serialisable", e);
        }
        return send(service, request(service, path).header("Accept", JSON).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(Service service, String path) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(service) + path)).timeout(TIMEOUT);
        if (token != null) {
            b.header("Authorization", "Bearer " + token.getToken());
        }
        return b;
    }

    private ApiResult send(Service service, HttpRequest.Builder request) {
        try {
            return result(service, http.send(request.build(), HttpResponse.BodyHandlers.ofString()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ApiResult(0, null, ReadableError.unreachable(service.label, "interrupted"));
        } catch (IOException e) {
            return result(service, null, e);
        }
    }

    /** One read for {@link #readAll}: a service and a path. */
    public record Read(Service service, String path) {
    }

    /** Several reads of one service at once (e.g. the effectiveness of every playbook); see {@link #readAll}. */
    public List<ApiResult> getAll(Service service, List<String> paths) {
        return readAll(paths.stream().map(p -> new Read(service, p)).toList());
    }

    /**
     * Several reads at once, of one or several services (a page that shows what four services hold about me): the
     * requests, with the person's token, are built on this thread and sent together, so a page waits for the slowest
     * answer, not for their sum. Answers come back in the order of the reads.
     */
    public List<ApiResult> readAll(List<Read> reads) {
        List<java.util.concurrent.CompletableFuture<ApiResult>> answers = new ArrayList<>();
        for (Read read : reads) {
            HttpRequest request = request(read.service(), read.path()).header("Accept", JSON).GET().build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> result(read.service(), response, failure)));
        }
        return answers.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }

    private ApiResult result(Service service, HttpResponse<String> response, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                ? c.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return new ApiResult(0, null, ReadableError.unreachable(service.label, "no answer within 5 s"));
        }
        if (cause != null || response == null) {
            return new ApiResult(0, null, ReadableError.unreachable(service.label, "connection failed"));
        }
        int status = response.statusCode();
        JsonNode json = parse(response.body());
        if (status >= 200 && status < 300) {
            return new ApiResult(status, AnswerTree.of(json), null);
        }
        return new ApiResult(status, null, describe(service, status, json));
    }

    private String describe(Service service, int status, JsonNode problem) {
        if (problem == null || !problem.isObject()) {
            return ReadableError.describe(service.label, status, null, null, List.of());
        }
        List<ReadableError.FieldError> fields = new ArrayList<>();
        for (JsonNode e : problem.path("errors")) {
            fields.add(new ReadableError.FieldError(e.path("field").asText(""), e.path("message").asText("")));
        }
        return ReadableError.describe(service.label, status, text(problem, "title"), text(problem, "detail"), fields);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null; // not JSON (a proxy's HTML error page): described by status alone
        }
    }

    private String base(Service service) {
        return switch (service) {
            case SIGNAL -> signalUrl;
            case COACHING -> coachingUrl;
            case GOVERNANCE -> governanceUrl;
            case WELLBEING -> wellbeingUrl;
        };
    }
}
