package io.wem.console.rest;

import static io.restassured.RestAssured.given;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the four services: answers what a test put in {@link #ANSWERS} ("GET /api/v1/…" → status and body,
 * bodies shaped like the services' OpenAPI examples) and 404 problem+json for anything else.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    record Answer(int status, String contentType, String body) {
    }

    static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    static final Map<String, String> LAST_BODY = new ConcurrentHashMap<>();
    private HttpServer server;

    static void answer(String methodAndPath, int status, String body) {
        ANSWERS.put(methodAndPath, new Answer(status, status < 300 ? "application/json" : "application/problem+json",
                body));
    }

    static final Map<Integer, String> TITLES = Map.of(400, "Bad Request", 403, "Forbidden", 404, "Not Found", 409,
            "Conflict", 503, "Service Unavailable");

    /** The service refuses with problem+json carrying {@code detail}, as the services' error mappers answer. */
    static void refuse(String methodAndPath, int status, String detail) {
        ANSWERS.put(methodAndPath, new Answer(status, "application/problem+json", "{\"title\":"
                + json(TITLES.getOrDefault(status, "Error")) + ",\"status\":" + status + ",\"detail\":" + json(detail)
                + "}"));
    }

    /** The service's 400 naming one field, as the services' validation answers. */
    static void refuseField(String methodAndPath, String field, String message) {
        ANSWERS.put(methodAndPath, new Answer(400, "application/problem+json", "{\"title\":\"Bad Request\",\"status\":"
                + "400,\"detail\":\"invalid request\",\"errors\":[{\"field\":" + json(field) + ",\"message\":"
                + json(message) + "}]}"));
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An active legal hold on one agent, shaped like governance's GET /api/v1/legal-holds items. */
    static String activeHold(String id, String caseReference, String agentId) {
        return "{\"id\":" + json(id) + ",\"caseReference\":" + json(caseReference) + ",\"reason\":\"litigation\","
                + "\"agentIds\":[" + json(agentId) + "],\"interactionIds\":[],\"from\":null,\"to\":null,\"createdBy\":"
                + "\"gov1\",\"createdAt\":\"2026-12-01T00:00:00Z\",\"releasedAt\":null,\"releasedBy\":null,"
                + "\"active\":true}";
    }

    /** A contest in wellbeing's review queue, as GET /api/v1/reviews lists it, waiting for a decision. */
    static String pendingContest(String reviewId, String subjectId) {
        return "{\"reviewId\":" + json(reviewId) + ",\"type\":\"CONTEST\",\"agentId\":\"agent-north-01\",\"teamId\":"
                + "\"team-north\",\"actionKind\":null,\"reference\":null,\"subjectType\":\"MONITORING_EVENT\","
                + "\"subjectId\":" + json(subjectId) + ",\"summary\":\"Automated score contested\",\"statement\":"
                + "\"I was on a transfer\",\"status\":\"PENDING\",\"reviewer\":null,\"reviewReason\":null,"
                + "\"createdAt\":\"2026-12-03T10:00:00Z\",\"decidedAt\":null}";
    }

    /** wellbeing's GET /api/v1/me/wellbeing for agent-north-01, with or without a break due. */
    static void myWellbeing(boolean breakDue) {
        String recovery = breakDue
                ? "{\"breakDue\":true,\"dueSince\":\"2026-12-01T10:00:00Z\",\"recoveryDebtMinutes\":10,\"difficultStreak\":5}"
                : "{\"breakDue\":false,\"recoveryDebtMinutes\":0,\"difficultStreak\":0}";
        answer("GET /api/v1/me/wellbeing", 200, "{\"agentId\":\"agent-north-01\",\"teamId\":\"team-north\","
                + "\"intensity\":{\"windowDays\":7,\"index\":0.35,\"indexCap\":1.0,\"kinds\":[]},\"recovery\":"
                + recovery + ",\"load\":{\"windowDays\":7,\"interactions\":120,\"difficult\":11,"
                + "\"difficultShare\":0.09,\"teamDifficultShare\":null},\"coaching\":{\"pressureSessions\":0,"
                + "\"supportSessions\":2,\"pressureShare\":0.0,\"pressurePattern\":false}}");
    }

    /** The retention form for transcripts, keeping the basis and owner, with another window. */
    static RequestSpecification transcriptWindow(RequestSpecification form, String window) {
        return form.formParam("dataClass", "transcript").formParam("window", window)
                .formParam("legalBasis", "quality").formParam("owner", "QA");
    }

    /** governance's GET /api/v1/legal-holds answers these holds. */
    static void holdsListed(String... holds) {
        answer("GET /api/v1/legal-holds", 200, "[" + String.join(",", holds) + "]");
    }

    /** {@link #form} as console.js posts it: asking for the page's region alone. */
    static RequestSpecification partialForm(String page) {
        return form(page).header(Pages.PARTIAL, Pages.REGION);
    }

    /** Posts the form and expects the agreed action's redirect (303) to {@code location} (a part of it). */
    static void redirects(RequestSpecification form, String action, String location) {
        form.redirects().follow(false).post(action).then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString(location));
    }

    /** A form POST as the browser sends it: the page's CSRF cookie and field, then the form's own fields. */
    static RequestSpecification form(String page) {
        Response r = given().get(page);
        Matcher m = Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"").matcher(r.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + page);
        }
        return given().cookies(r.getCookies()).contentType("application/x-www-form-urlencoded")
                .formParam(m.group(1), m.group(2));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            LAST_BODY.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer a = ANSWERS.getOrDefault(key, new Answer(404, "application/problem+json",
                    "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no such thing\"}"));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("wem.services.signal-url", url, "wem.services.coaching-url", url,
                "wem.services.governance-url", url, "wem.services.wellbeing-url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
