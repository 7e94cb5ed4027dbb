package io.wem.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseConformanceTest {

    private static final String DOC = """
            {"openapi": "3.1.0", "paths": {
              "/api/v1/things/{id}": {"get": {"responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                "404": {"description": "unknown", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
              "/api/v1/things/summary": {"get": {"responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "integer"}}}}}}}}},
             "components": {"schemas": {
               "Thing": {"type": "object", "required": ["id"], "properties": {
                 "id": {"type": "string"}, "note": {"type": ["string", "null"]},
                 "state": {"type": "string", "enum": ["OPEN", "CLOSED"]},
                 "tags": {"type": "array", "items": {"type": "string"}},
                 "counts": {"type": "object", "additionalProperties": {"type": "integer"}}}}}}}
            """;

    private final ResponseConformance conformance = ResponseConformance.of(DOC);

    private List<String> get(String path, int status, String type, String body) {
        return conformance.violations("GET", path, status, type, body);
    }

    @Test
    void aConformingAnswerHasNoViolation() {
        assertEquals(List.of(), get("/api/v1/things/t-1", 200, "application/json",
                "{\"id\":\"t-1\",\"note\":null,\"state\":\"OPEN\",\"tags\":[\"a\"],\"counts\":{\"x\":3}}"));
        assertEquals(List.of(), get("/api/v1/things/t-1?x=1", 404, "application/problem+json", "{\"status\":404}"));
    }

    @Test
    void eachKindOfBrokenPromiseIsNamed() {
        assertTrue(get("/api/v1/things/t-1", 200, "application/json", "{\"id\":null}").get(0)
                .contains("$.id is null, documented \"string\""));
        assertTrue(get("/api/v1/things/t-1", 200, "application/json", "{}").get(0).contains("$.id is required"));
        assertTrue(get("/api/v1/things/t-1", 200, "application/json", "{\"id\":\"a\",\"state\":\"GONE\"}").get(0)
                .contains("not in the documented enum"));
        assertTrue(get("/api/v1/things/t-1", 200, "application/json", "{\"id\":\"a\",\"extra\":1}").get(0)
                .contains("$.extra is answered but not documented"));
        assertTrue(get("/api/v1/things/t-1", 200, "application/json", "{\"id\":\"a\",\"tags\":null}").get(0)
                .contains("$.tags is null"));
        assertTrue(get("/api/v1/things/t-1", 200, "application/json", "{\"id\":\"a\",\"counts\":{\"x\":\"y\"}}")
                .get(0).contains("$.counts.x is string"));
        assertTrue(get("/api/v1/things/t-1", 401, "application/json", "{}").get(0).contains("status not documented"));
        assertTrue(get("/api/v1/things/t-1", 404, "application/json", "{}").get(0).contains("answers application/json"));
    }

    @Test
    void aLiteralPathWinsOverATemplateAndUnknownPathsAreNotJudged() {
        assertEquals(List.of(), get("/api/v1/things/summary", 200, "application/json", "[1,2]"));
        assertEquals(List.of(), get("/api/v1/internal/whatever", 500, "application/json", "{}"));
    }
}
