package io.wem.testing;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * A RestAssured filter that holds every answer a test receives to the served OpenAPI document
 * ({@link ResponseConformance}). Installed on every request of the system tests and of the services' own tests, so
 * the whole suite of scenarios doubles as a response-conformance check: a test that receives an answer the document
 * does not allow fails, naming the operation, the status and the JSON path.
 */
public final class ConformanceFilter implements Filter {

    private final Supplier<String> documentUrl;
    private volatile ResponseConformance conformance;

    private ConformanceFilter(Supplier<String> documentUrl) {
        this.documentUrl = documentUrl;
    }

    /** The document is read once, at the first answer, from {@code documentUrl} (the management interface's /q/openapi). */
    public static ConformanceFilter servedAt(Supplier<String> documentUrl) {
        return new ConformanceFilter(documentUrl);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = URI.create(request.getURI()).getRawPath();
        if (!path.startsWith("/api/")) {
            return response;
        }
        List<String> violations = conformance().violations(request.getMethod(), path, response.statusCode(),
                response.contentType(), response.asString());
        if (!violations.isEmpty()) {
            throw new AssertionError("the answer breaks the served OpenAPI document (issue #20):\n  "
                    + String.join("\n  ", violations));
        }
        return response;
    }

    private ResponseConformance conformance() {
        ResponseConformance loaded = conformance;
        if (loaded == null) {
            synchronized (this) {
                if (conformance == null) {
                    conformance = ResponseConformance.of(fetch(documentUrl.get()));
                }
                loaded = conformance;
            }
        }
        return loaded;
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
