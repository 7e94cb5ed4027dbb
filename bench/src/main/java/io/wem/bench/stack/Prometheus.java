package io.wem.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads one metric from a service's /q/metrics (Prometheus text format), summing over its label sets. */
public final class Prometheus {
    private final HttpClient http;

    public Prometheus(HttpClient http) {
        this.http = http;
    }

    /** Sum of all samples of {@code name} (e.g. wem_signal_ingested_total), or NaN when absent/unreachable. */
    public double sum(String baseUrl, String name) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Double.NaN;
            }
            return sum(r.body(), name, true);
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Sample lines of the given metric names whose labels contain {@code labelFilter} (name → value). */
    public java.util.Map<String, Double> select(String baseUrl, java.util.List<String> names, String labelFilter) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                for (String n : names) {
                    if (line.startsWith(n + "{") && line.contains(labelFilter)) {
                        try {
                            out.merge(n, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                        } catch (NumberFormatException ignored) {
                            // NaN sample text
                        }
                    }
                }
            }
        } catch (IOException e) {
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** Whether the service serves /q/metrics at all. */
    public boolean reachable(String baseUrl) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static double sum(String text, String name, boolean unused) {
        double total = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int after = name.length();
            if (line.length() > after && line.charAt(after) != '{' && line.charAt(after) != ' ') {
                continue; // a longer metric name sharing the prefix
            }
            String value = line.substring(line.lastIndexOf(' ') + 1);
            try {
                total += Double.parseDouble(value);
                found = true;
            } catch (NumberFormatException ignored) {
                // not a sample line
            }
        }
        return found ? total : Double.NaN;
    }
}
