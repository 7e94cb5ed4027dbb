package io.wem.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Oversized input against a write operation: the operation's documented request example (from the stored OpenAPI
 * document) with one field replaced by 100,000 items or a 1,000,000-character string. The answer must be 400 or 413
 * as problem+json; the caller then checks nothing was stored.
 */
public final class OversizeAttack {
    public static final int ITEMS = 100_000;
    public static final int CHARS = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OversizeAttack() {
    }

    /** The first JSON example the stored document gives for the operation's body. */
    public static ObjectNode example(String method, String path) {
        try {
            JsonNode op = JSON.readTree(Files.readString(OpenApiContract.storedSpec())).path("paths").path(path)
                    .path(method.toLowerCase());
            JsonNode media = op.path("requestBody").path("content").path("application/json");
            JsonNode example = media.has("example") ? media.get("example")
                    : media.path("examples").elements().hasNext() ? media.path("examples").elements().next().path("value")
                    : null;
            if (example == null || !example.isObject()) {
                throw new AssertionError(method + " " + path + ": no JSON example in the stored document");
            }
            // Examples in annotations may be JSON text; parse it when it is.
            return (ObjectNode) example.deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body with {@code field} (dot path) set to 100,000 copies of {@code item}. */
    public static ObjectNode withHugeArray(ObjectNode body, String field, JsonNode item) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < ITEMS; i++) {
            array.add(item);
        }
        return set(body, field, array);
    }

    /** The body with {@code field} (dot path) set to a 1,000,000-character string. */
    public static ObjectNode withHugeString(ObjectNode body, String field) {
        return set(body, field, JSON.getNodeFactory().textNode("x".repeat(CHARS)));
    }

    private static ObjectNode set(ObjectNode body, String field, JsonNode value) {
        ObjectNode copy = body.deepCopy();
        String[] parts = field.split("\\.");
        ObjectNode node = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) && node.get(parts[i]).isObject() ? (ObjectNode) node.get(parts[i])
                    : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
        return copy;
    }

    /** Sends the body and asserts a refusal as problem+json; a 400 must name the field. */
    public static ValidatableResponse refused(String token, String method, String path, ObjectNode body,
                                              String field) {
        ValidatableResponse r = given().auth().oauth2(token).contentType("application/json").body(body.toString())
                .when().request(method, path).then()
                .statusCode(anyOf(equalTo(400), equalTo(413)))
                .contentType(startsWith("application/problem+json"));
        if (r.extract().statusCode() == 400) {
            r.body("errors.field", org.hamcrest.Matchers.hasItem(startsWith(field)));
        }
        return r;
    }
}
