package io.wem.bench.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Page times of the web console as a signed-in person sees them: signs in through Keycloak's own login form (the
 * authorization code flow, as a browser does), then reads each page sequentially and reports the time to the last
 * byte. The reference is the console's stylesheet from the same session: the console's own HTTP path with no call to
 * a service, so what a page adds above it is the services' answers and the rendering.
 */
public final class ConsoleBench {

    public record PageTimes(String path, int status, double p50Millis, double p95Millis, double maxMillis) {
    }

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final String console;
    private final HttpClient http;

    public ConsoleBench(String consoleUrl) {
        this.console = consoleUrl;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Cookies by name, sent to every host of the local stack: Keycloak marks its cookies Secure, which a browser
     * honours on http://127.0.0.1 (a secure context) but java.net.CookieManager does not.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private HttpRequest.Builder withCookies(HttpRequest.Builder b) {
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private <T> HttpResponse<T> keep(HttpResponse<T> r) {
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return r;
    }

    /** The code flow by hand: the console redirects to Keycloak, the form is posted, Keycloak redirects back. */
    public void signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = follow(get(console + "/"));
        Matcher form = LOGIN_FORM.matcher(r.body());
        if (!form.find()) {
            throw new IOException("no Keycloak login form after " + r.uri() + " (status " + r.statusCode() + ")");
        }
        String action = form.group(1).replace("&amp;", "&");
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> after = follow(keep(http.send(withCookies(HttpRequest.newBuilder(URI.create(action)))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())));
        if (after.statusCode() != 200 || !after.uri().toString().startsWith(console)) {
            throw new IOException("sign-in as " + username + " ended at " + after.uri() + " with " + after.statusCode());
        }
    }

    public PageTimes time(String path, int warmUp, int samples) throws IOException, InterruptedException {
        int status = 0;
        for (int i = 0; i < warmUp; i++) {
            status = get(console + path).statusCode();
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            status = get(console + path).statusCode();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        return new PageTimes(path, status, quantile(millis, 0.5), quantile(millis, 0.95), millis[samples - 1]);
    }

    /** A page's HTML in this session (to find the demo's ids it links); an unreadable page reads as empty. */
    public String read(String path) {
        try {
            HttpResponse<String> r = get(console + path);
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static double quantile(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return keep(http.send(withCookies(HttpRequest.newBuilder(URI.create(url))).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> follow(HttpResponse<String> r) throws IOException, InterruptedException {
        List<String> seen = new ArrayList<>();
        while (r.statusCode() / 100 == 3 && seen.size() < 10) {
            String location = r.headers().firstValue("Location").orElseThrow();
            URI next = r.uri().resolve(location);
            seen.add(next.toString());
            r = get(next.toString());
        }
        return r;
    }
}
