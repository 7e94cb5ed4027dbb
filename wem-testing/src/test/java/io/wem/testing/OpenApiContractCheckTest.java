package io.wem.testing;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks themselves, on small documents written here (not the services'): each kind of break is found, additive
 * changes and reordering are not, and the promise checks name what is missing.
 */
class OpenApiContractCheckTest {

    /** A document with one GET and one POST; the placeholders let each test change one thing. */
    static String doc(String responseFields, String requestFields, String required, String extraPath) {
        return """
                {"openapi":"3.1.0","info":{"title":"t","version":"1"},
                 "paths":{
                  "/api/v1/things/{id}":{"get":{"operationId":"thingGet","description":"d",
                     "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                     "security":[{"bearer":[]}],
                     "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                       "400":{"description":"x","content":{"application/problem+json":{"schema":{"type":"object"}}}},
                       "401":{"description":"x","content":{"application/problem+json":{"schema":{"type":"object"}}}},
                       "403":{"description":"x","content":{"application/problem+json":{"schema":{"type":"object"}}}}}}},
                  "/api/v1/things":{"post":{"operationId":"thingCreate","description":"d","security":[{"bearer":[]}],
                     "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/New"},"example":{"name":"a"}}}},
                     "responses":{"201":{"description":"Created","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                       "400":{"description":"x","content":{"application/problem+json":{"schema":{"type":"object"}}}},
                       "401":{"description":"x","content":{"application/problem+json":{"schema":{"type":"object"}}}},
                       "403":{"description":"x","content":{"application/problem+json":{"schema":{"type":"object"}}}},
                       "413":{"description":"x","content":{"application/problem+json":{"schema":{"type":"object"}}}},
                       "415":{"description":"x","content":{"application/problem+json":{"schema":{"type":"object"}}}}}}}
                  %s},
                 "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},"schemas":{
                  "Thing":{"type":"object","properties":{%s}},
                  "New":{"type":"object","required":[%s],"properties":{%s}}}}}
                """.formatted(extraPath, responseFields, required, requestFields);
    }

    static final String RESPONSE = "\"id\":{\"type\":\"string\"},\"count\":{\"type\":\"integer\"},"
            + "\"state\":{\"type\":\"string\",\"enum\":[\"OPEN\",\"CLOSED\"]}";
    static final String REQUEST = "\"name\":{\"type\":\"string\",\"maxLength\":100},"
            + "\"tags\":{\"type\":\"array\",\"maxItems\":10,\"items\":{\"type\":\"string\",\"maxLength\":50}},"
            + "\"kind\":{\"type\":\"string\",\"enum\":[\"A\",\"B\"]}";

    static OpenAPI parse(String json) {
        var result = new OpenAPIV3Parser().readContents(json);
        assertEquals(List.of(), result.getMessages());
        return result.getOpenAPI();
    }

    static List<String> breaks(String after) {
        return OpenApiContract.breakingChanges(parse(doc(RESPONSE, REQUEST, "\"name\"", "")), parse(after));
    }

    @Test
    void theSameDocumentAndAdditiveChangesAreNotBreaking() {
        assertEquals(List.of(), breaks(doc(RESPONSE, REQUEST, "\"name\"", "")));
        // a new response field, a new optional request field, a wider cap, a new enum value accepted, a new path
        String wider = REQUEST.replace("\"maxLength\":100", "\"maxLength\":200").replace("[\"A\",\"B\"]",
                "[\"A\",\"B\",\"C\"]") + ",\"note\":{\"type\":\"string\",\"maxLength\":10}";
        String extra = ",\"/api/v1/other\":{\"get\":{\"operationId\":\"otherGet\",\"responses\":{\"200\":"
                + "{\"description\":\"OK\"}}}}";
        assertEquals(List.of(), breaks(doc(RESPONSE + ",\"extra\":{\"type\":\"string\"}", wider, "\"name\"", extra)));
    }

    @Test
    void eachKindOfBreakIsFound() {
        assertTrue(breaks(doc(RESPONSE.replace(",\"count\":{\"type\":\"integer\"}", ""), REQUEST, "\"name\"", ""))
                .stream().anyMatch(s -> s.contains("field count removed")));
        assertTrue(breaks(doc(RESPONSE.replace("\"count\":{\"type\":\"integer\"}", "\"count\":{\"type\":\"string\"}"),
                REQUEST, "\"name\"", "")).stream().anyMatch(s -> s.contains("type integer changed to string")));
        assertTrue(breaks(doc(RESPONSE, REQUEST, "\"name\",\"kind\"", ""))
                .stream().anyMatch(s -> s.contains("field kind became required")));
        assertTrue(breaks(doc(RESPONSE, REQUEST.replace("[\"A\",\"B\"]", "[\"A\"]"), "\"name\"", ""))
                .stream().anyMatch(s -> s.contains("enum narrowed")));
        assertTrue(breaks(doc(RESPONSE, REQUEST.replace("\"maxItems\":10", "\"maxItems\":5"), "\"name\"", ""))
                .stream().anyMatch(s -> s.contains("maxItems narrowed")));
        String renamed = doc(RESPONSE, REQUEST, "\"name\"", "").replace("\"thingGet\"", "\"getThing\"");
        assertTrue(breaks(renamed).stream().anyMatch(s -> s.contains("renamed")));
        String removed = doc(RESPONSE, REQUEST, "\"name\"", "").replace("\"/api/v1/things\":{\"post\"",
                "\"/api/v1/stuff\":{\"post\"");
        assertTrue(breaks(removed).contains("POST /api/v1/things: operation removed"));
    }

    @Test
    void thePromiseChecksHoldForACompleteDocumentAndNameWhatIsMissing() {
        OpenAPI complete = parse(doc(RESPONSE, REQUEST, "\"name\"", ""));
        assertEquals(List.of(), OpenApiContract.violations(complete));
        assertEquals(List.of(), OpenApiContract.uncappedInputs(complete));

        String broken = doc(RESPONSE, REQUEST.replace("\"maxItems\":10,", ""), "\"name\"", "")
                .replace("\"operationId\":\"thingGet\",", "")
                .replace(",\"example\":{\"name\":\"a\"}", "")
                .replace("\"413\":{\"description\":\"x\",\"content\":{\"application/problem+json\":{\"schema\":"
                        + "{\"type\":\"object\"}}}},", "");
        OpenAPI api = parse(broken);
        assertEquals(List.of("GET /api/v1/things/{id}: no operationId",
                "POST /api/v1/things: 413 not documented",
                "POST /api/v1/things: request body application/json has no example"), OpenApiContract.violations(api));
        assertEquals(List.of("POST /api/v1/things body.tags: array without maxItems"),
                OpenApiContract.uncappedInputs(api));
    }
}
